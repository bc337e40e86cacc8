package dev.jinaclip.core;

import java.util.List;

/**
 * A jina-clip backend, framework-neutral: the hosted API client and the in-process ONNX Runtime engine both
 * implement it, and the LangChain4j and Spring AI adapters take either. Thread-safe.
 */
public interface ClipEngine extends AutoCloseable {

    /**
     * Embeds texts and images.
     *
     * @param inputs    the inputs, none {@code null}
     * @param inputType what the inputs are used for; models that embed queries differently (jina-clip-v2) use it
     * @return one vector per input, in input order, and the usage of the call
     * @throws IllegalArgumentException naming the input's position, for an input that is not usable
     * @throws JinaClipException        for a failure of the backend, with {@link JinaClipException#isRetryable()}
     */
    ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType);

    /** Embeds inputs as documents; see {@link #embed(List, ClipInputType)}. */
    default ClipEmbeddings embed(List<ClipInput> inputs) {
        return embed(inputs, ClipInputType.DOCUMENT);
    }

    /** The model, known without a call. */
    JinaClipModel model();

    /** The length of the vectors, known without a call: the model's, or fewer where configured. */
    int dimension();

    /** Releases what the engine holds; later calls fail. Idempotent. */
    @Override
    void close();
}
