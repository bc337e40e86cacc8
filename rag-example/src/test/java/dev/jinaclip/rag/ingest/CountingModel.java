package dev.jinaclip.rag.ingest;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.ForwardingModel;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delegates to a real model and counts the inputs it embeds, to prove what a run did not re-embed. Closing it
 * closes the model, so that it can stand in for the app's model bean.
 */
public final class CountingModel extends ForwardingModel {

    private final AtomicInteger inputs = new AtomicInteger();

    /** Counts what {@code delegate} embeds. */
    public CountingModel(MultimodalEmbeddingModel delegate) {
        super(delegate);
    }

    /** How many inputs (texts and images) were embedded so far. */
    public int inputs() {
        return inputs.get();
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        inputs.addAndGet(request.inputs().size());
        return super.doEmbed(request);
    }
}
