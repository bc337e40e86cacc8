package dev.jinaclip.rag.ingest;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delegates to a real model and counts the inputs it embeds, to prove what a run did not re-embed. Closing it
 * closes the model, so that it can stand in for the app's model bean.
 */
public final class CountingModel implements MultimodalEmbeddingModel {

    private final MultimodalEmbeddingModel delegate;
    private final AtomicInteger inputs = new AtomicInteger();

    /** Counts what {@code delegate} embeds. */
    public CountingModel(MultimodalEmbeddingModel delegate) {
        this.delegate = delegate;
    }

    /** How many inputs (texts and images) were embedded so far. */
    public int inputs() {
        return inputs.get();
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        inputs.addAndGet(request.inputs().size());
        return delegate.embed(request);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
