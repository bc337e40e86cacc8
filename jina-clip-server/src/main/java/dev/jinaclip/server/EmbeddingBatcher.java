package dev.jinaclip.server;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.internal.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>{@link #close()} refuses new requests (503) and lets the workers embed every request already handed over,
 * within {@code stopTimeout}; only what is left then is answered 503.
 */
final class EmbeddingBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBatcher.class);

    private record Pending(List<ClipInput> inputs, CompletableFuture<List<float[]>> answer) {
    }

    // one a worker, queued by close() behind every request handed over: the worker that takes it stops
    private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

    private final ClipEngine engine;
    private final ServerMetrics metrics;
    private final long windowNanos;
    private final int maxBatchInputs;
    private final BlockingQueue<Pending> arrivals = new LinkedBlockingQueue<>();
    private final ExecutorService workers;
    private final int workerCount;
    private final Duration stopTimeout;
    private boolean closed;

    /**
     * @param workers     how many combined calls may run at once (each takes the requests that arrive while it
     *                    gathers)
     * @param stopTimeout how long {@link #close()} waits for the requests handed over to be embedded
     */
    EmbeddingBatcher(ClipEngine engine, Duration window, int maxBatchInputs, int workers, Duration stopTimeout,
            ServerMetrics metrics) {
        if (window.isNegative() || maxBatchInputs < 1 || workers < 1) {
            throw new IllegalArgumentException("jina-clip.server.batch-window must not be negative and"
                    + " batch-max-inputs and max-concurrent-batches at least 1, were " + window + ", "
                    + maxBatchInputs + " and " + workers);
        }
        this.engine = engine;
        this.metrics = metrics;
        this.windowNanos = window.toNanos();
        this.maxBatchInputs = maxBatchInputs;
        this.workerCount = workers;
        this.stopTimeout = stopTimeout;
        this.workers = Executors.newFixedThreadPool(workers, DaemonThreads.named("jina-clip-batch-"));
        for (int i = 0; i < workers; i++) {
            this.workers.execute(this::gatherAndEmbed);
        }
    }

    /** The engine's vectors for {@code inputs}, in their order, once the batch they joined has been embedded. */
    List<float[]> embed(List<ClipInput> inputs) {
        CompletableFuture<List<float[]>> answer = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                throw ApiProblem.stopping();
            }
            arrivals.add(new Pending(List.copyOf(inputs), answer));
        }
        return Answers.await(answer);
    }

    private void gatherAndEmbed() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (gather(batch)) {
                embedAnswering(batch);
                batch = new ArrayList<>();
            }
            embedAnswering(batch);
        } catch (InterruptedException e) {
            // close() gave up waiting: what this worker holds is answered, not lost
            Thread.currentThread().interrupt();
            batch.forEach(pending -> pending.answer().completeExceptionally(ApiProblem.stopping()));
        }
    }

    /**
     * Fills {@code batch} with the first request to arrive, and those arriving within the window after it, up to
     * the input bound.
     *
     * @return {@code false} when this worker is to stop once {@code batch} is embedded
     */
    private boolean gather(List<Pending> batch) throws InterruptedException {
        Pending first = arrivals.take();
        if (first == STOP) {
            return false;
        }
        batch.add(first);
        int inputs = first.inputs().size();
        long deadline = System.nanoTime() + windowNanos;
        while (inputs < maxBatchInputs) {
            Pending next = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            if (next == STOP) {
                return false;
            }
            if (inputs + next.inputs().size() > maxBatchInputs) {
                // too big to join: it starts the next batch, ahead of anything that arrived after it
                embedAnswering(List.copyOf(batch));
                batch.clear();
                deadline = System.nanoTime() + windowNanos;
                inputs = 0;
            }
            batch.add(next);
            inputs += next.inputs().size();
        }
        return true;
    }

    /**
     * Embeds {@code batch}, answering each request whatever fails: a worker that let a failure escape would stop,
     * and every request after it would wait for ever.
     */
    private void embedAnswering(List<Pending> batch) {
        try {
            embedTogether(batch);
        } catch (Throwable e) {
            log.error("A batch of {} requests failed unexpectedly", batch.size(), e);
            batch.forEach(pending -> pending.answer().completeExceptionally(e));
        }
    }

    private void embedTogether(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            embedApart(batch.get(0));
            return;
        }
        List<ClipInput> combined = new ArrayList<>();
        batch.forEach(pending -> combined.addAll(pending.inputs()));
        List<float[]> vectors;
        try {
            vectors = timed(batch.size(), combined);
        } catch (RuntimeException | Error e) {
            // an Error too: an OutOfMemoryError of a large combined call may well pass in smaller ones
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
            List<float[]> vectors = engine.embed(inputs).vectors();
            if (vectors.size() != inputs.size()) {
                throw new IllegalStateException("The engine answered " + vectors.size() + " vectors for "
                        + inputs.size() + " inputs");
            }
            return vectors;
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

    /**
     * Refuses new requests, waits up to {@code stopTimeout} for the workers to embed those handed over, then stops
     * them; whatever is left is answered 503. The engine must stay open until this returns.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (int i = 0; i < workerCount; i++) {
                arrivals.add(STOP);
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Requests still being embedded {} after shutdown began: answering them 503", stopTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        List<Pending> left = new ArrayList<>();
        arrivals.drainTo(left);
        left.stream().filter(pending -> pending != STOP)
                .forEach(pending -> pending.answer().completeExceptionally(ApiProblem.stopping()));
    }
}
