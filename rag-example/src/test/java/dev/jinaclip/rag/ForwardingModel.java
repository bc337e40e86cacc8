package dev.jinaclip.rag;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;

/**
 * A real model behind a test's hook: subclasses see each request in {@link #doEmbed} and pass it on with
 * {@code super.doEmbed}; name and dimension are the real model's, and closing closes it.
 */
public abstract class ForwardingModel implements MultimodalEmbeddingModel {

    private final MultimodalEmbeddingModel delegate;

    protected ForwardingModel(MultimodalEmbeddingModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
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
