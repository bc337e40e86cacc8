package dev.jinaclip.rag;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Delegates to a real model, but holds the calls a test chooses until it lets them go: a slow model on demand, so
 * that a test can watch the app while it indexes or searches.
 */
public final class GatedModel extends ForwardingModel {

    private Predicate<Thread> held = thread -> false;

    public GatedModel(MultimodalEmbeddingModel delegate) {
        super(delegate);
    }

    /** Holds the calls on {@code thread} after its first {@code free} ones, until {@link #release()}. */
    public synchronized void holdAfter(Thread thread, int free) {
        AtomicInteger passed = new AtomicInteger();
        held = candidate -> candidate == thread && passed.getAndIncrement() >= free;
    }

    /** Holds every call, on any thread, until {@link #release()}. */
    public synchronized void holdAll() {
        held = thread -> true;
    }

    /** Lets the held calls and all later ones through. */
    public synchronized void release() {
        held = thread -> false;
        notifyAll();
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        waitWhileHeld();
        return super.doEmbed(request);
    }

    private synchronized void waitWhileHeld() {
        while (held.test(Thread.currentThread())) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while held by the test", e);
            }
        }
    }
}
