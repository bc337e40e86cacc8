package dev.jinaclip.core.classification;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.JinaClipModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An engine whose vectors are a table: each text, and each image by its URL, has the vector the test gives it, so
 * that the classifier's arithmetic can be checked by hand. It records every call. The real engines are tested with
 * the classifier in jina-clip-onnx and jina-clip-api.
 */
final class TableEngine implements ClipEngine {

    record Call(List<ClipInput> inputs, ClipInputType inputType) {
    }

    private final Map<String, float[]> vectors;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile Function<Call, RuntimeException> failure = call -> null;

    TableEngine(Map<String, float[]> vectors) {
        this.vectors = vectors;
    }

    static ClipInput image(String name) {
        return ClipInput.imageUrl(java.net.URI.create("https://img.test/" + name));
    }

    @Override
    public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
        Call call = new Call(List.copyOf(inputs), inputType);
        calls.add(call);
        RuntimeException failed = failure.apply(call);
        if (failed != null) {
            throw failed;
        }
        List<float[]> result = new ArrayList<>();
        for (ClipInput input : inputs) {
            String key = input instanceof ClipInput.Text text ? text.text()
                    : ((ClipInput.ImageUrl) input).url().getPath().substring(1);
            result.add(vectors.get(key).clone());
        }
        return new ClipEmbeddings(result, model().modelName(), ClipUsage.NONE);
    }

    @Override
    public JinaClipModel model() {
        return JinaClipModel.JINA_CLIP_V1;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public void close() {
    }
}
