package dev.jinaclip.rag.ingest;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to a real model and counts the inputs it embeds, to prove what a run did not re-embed. */
final class CountingModel implements MultimodalEmbeddingModel {

    private final MultimodalEmbeddingModel delegate;
    private final AtomicInteger inputs = new AtomicInteger();

    CountingModel(MultimodalEmbeddingModel delegate) {
        this.delegate = delegate;
    }

    int inputs() {
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
}
