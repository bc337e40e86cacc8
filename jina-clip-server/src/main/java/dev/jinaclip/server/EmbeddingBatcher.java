package dev.jinaclip.server;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.internal.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds the inputs of requests that arrive within {@code window} of each other in one engine call (up to
 * {@code maxBatchInputs} inputs; the engine's own planner keeps that call within its memory bound), and answers
 * each request with its own vectors, in its order.
 *
 * <p>When a combined call fails, each of its requests is embedded apart, so that a bad input fails only its own
 * request, with an error naming its position in that request rather than in the combined batch.
 */
final class EmbeddingBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBatcher.class);

    private record Pending(List<ClipInput> inputs, CompletableFuture<List<float[]>> answer) {
    }

    private final ClipEngine engine;
    private final ServerMetrics metrics;
    private final long windowNanos;
    private final int maxBatchInputs;
    private final BlockingQueue<Pending> arrivals = new LinkedBlockingQueue<>();
    private final ExecutorService workers;

    /**
     * @param workers how many combined calls may run at once (each takes the requests that arrive while it gathers)
     */
    EmbeddingBatcher(ClipEngine engine, Duration window, int maxBatchInputs, int workers, ServerMetrics metrics) {
        if (window.isNegative() || maxBatchInputs < 1 || workers < 1) {
            throw new IllegalArgumentException("jina-clip.server.batch-window must not be negative and"
                    + " batch-max-inputs and max-concurrent-requests at least 1, were " + window + ", "
                    + maxBatchInputs + " and " + workers);
        }
        this.engine = engine;
        this.metrics = metrics;
        this.windowNanos = window.toNanos();
        this.maxBatchInputs = maxBatchInputs;
        this.workers = Executors.newFixedThreadPool(workers, DaemonThreads.named("jina-clip-batch-"));
        for (int i = 0; i < workers; i++) {
            this.workers.execute(this::gatherAndEmbed);
        }
    }

    /** The engine's vectors for {@code inputs}, in their order, once the batch they joined has been embedded. */
    List<float[]> embed(List<ClipInput> inputs) {
        CompletableFuture<List<float[]>> answer = new CompletableFuture<>();
        arrivals.add(new Pending(List.copyOf(inputs), answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.stopping();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }

    private void gatherAndEmbed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                embedTogether(gather());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first request to arrive, and those arriving within the window after it, up to the input bound. */
    private List<Pending> gather() throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        Pending first = arrivals.take();
        batch.add(first);
        int inputs = first.inputs().size();
        long deadline = System.nanoTime() + windowNanos;
        while (inputs < maxBatchInputs) {
            Pending next = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            if (inputs + next.inputs().size() > maxBatchInputs) {
                // too big to join: it starts the next batch, ahead of anything that arrived after it
                embedTogether(batch);
                batch = new ArrayList<>();
                deadline = System.nanoTime() + windowNanos;
                inputs = 0;
            }
            batch.add(next);
            inputs += next.inputs().size();
        }
        return batch;
    }

    private void embedTogether(List<Pending> batch) {
        if (batch.size() == 1) {
            embedApart(batch.get(0));
            return;
        }
        List<ClipInput> combined = new ArrayList<>();
        batch.forEach(pending -> combined.addAll(pending.inputs()));
        List<float[]> vectors;
        try {
            vectors = timed(batch.size(), combined);
        } catch (RuntimeException e) {
            log.info("A batch of {} requests ({} inputs) failed ({}): embedding each request apart", batch.size(),
                    combined.size(), e.getClass().getSimpleName());
            batch.forEach(this::embedApart);
            return;
        }
        int from = 0;
        for (Pending pending : batch) {
            int to = from + pending.inputs().size();
            pending.answer().complete(List.copyOf(vectors.subList(from, to)));
            from = to;
        }
    }

    private List<float[]> timed(int requests, List<ClipInput> inputs) {
        long started = System.nanoTime();
        try {
            return engine.embed(inputs).vectors();
        } finally {
            metrics.engineCall(requests, inputs.size(), System.nanoTime() - started);
        }
    }

    private void embedApart(Pending pending) {
        try {
            pending.answer().complete(timed(1, pending.inputs()));
        } catch (RuntimeException | Error e) {
            pending.answer().completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        // requests that no worker will take any more are answered, not left waiting
        List<Pending> left = new ArrayList<>();
        arrivals.drainTo(left);
        left.forEach(pending -> pending.answer().completeExceptionally(
                ApiProblem.stopping()));
    }
}
