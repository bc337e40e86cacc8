package dev.jinaclip.server;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bounds the requests admitted at once, waiting for an engine call or in one: a request beyond the bound is
 * answered 429 with {@code Retry-After} at once, rather than waiting past its client's timeout. Every admitted
 * request goes on to the {@link EmbeddingBatcher}, which bounds the engine calls and combines the requests waiting
 * for them; bounding admitted requests by engine calls here would leave it nothing to combine.
 */
final class AdmissionQueue {

    private final Semaphore admitted;
    private final int maxPending;
    private final long retryAfterSeconds;
    private final AtomicLong refused = new AtomicLong();

    AdmissionQueue(int maxPending, Duration retryAfter) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("jina-clip.server.max-pending-requests must be at least 1, was "
                    + maxPending);
        }
        this.admitted = new Semaphore(maxPending);
        this.maxPending = maxPending;
        // Retry-After takes whole seconds; never 0, which clients read as "now"
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /**
     * Runs {@code work} if the bound has room for it.
     *
     * @throws ApiProblem 429 with {@code Retry-After} when as many requests are pending as the bound allows
     */
    <T> T run(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            refused.incrementAndGet();
            throw ApiProblem.of(429, "RATE_CONCURRENCY_LIMIT_EXCEEDED", "The server is busy: " + maxPending
                    + " requests are waiting for the engine or being embedded; retry after " + retryAfterSeconds
                    + " s").retryAfter(retryAfterSeconds);
        }
        try {
            return work.get();
        } finally {
            admitted.release();
        }
    }

    /** The requests answered 429 since start-up. */
    long refused() {
        return refused.get();
    }

    /** The requests admitted now, waiting or being embedded. */
    int depth() {
        return maxPending - admitted.availablePermits();
    }
}
