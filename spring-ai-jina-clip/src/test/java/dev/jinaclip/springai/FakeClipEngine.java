package dev.jinaclip.springai;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.JinaClipModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ClipEngine} that records what it is asked, for the tests of the mapping between Spring AI and the
 * engine: 4-dimensional vectors that encode each input (its position in the call, whether it is an image, its
 * length), 2 tokens per text and 10 per image.
 */
public class FakeClipEngine implements ClipEngine {

    /** The inputs of every call, in order. */
    public final List<List<ClipInput>> calls = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    /** Make every call throw {@code failure}. */
    public FakeClipEngine failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** The inputs of every call, in order. */
    public List<ClipInput> inputs() {
        List<ClipInput> inputs = new ArrayList<>();
        calls.forEach(inputs::addAll);
        return inputs;
    }

    @Override
    public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
        calls.add(List.copyOf(inputs));
        if (failure != null) {
            throw failure;
        }
        List<float[]> vectors = new ArrayList<>();
        int textTokens = 0;
        int imageTokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ClipInput input = inputs.get(i);
            float size = input instanceof ClipInput.Text text ? text.text().length() : 0;
            vectors.add(new float[] {i, input.isImage() ? 1 : 0, size, 1});
            if (input.isImage()) {
                imageTokens += 10;
            } else {
                textTokens += 2;
            }
        }
        return new ClipEmbeddings(vectors, model().modelName(), new ClipUsage(textTokens + imageTokens,
                textTokens + imageTokens, imageTokens == 0 ? null : imageTokens));
    }

    @Override
    public JinaClipModel model() {
        return JinaClipModel.JINA_CLIP_V1;
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public void close() {
    }
}
