package dev.jinaclip.server;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bounds the requests the engine works on at once, and those waiting for it: a request beyond both is answered
 * 429 with {@code Retry-After} at once, rather than waiting past its client's timeout. Waiting requests are served
 * in arrival order.
 */
final class AdmissionQueue {

    private final Semaphore admitted;
    private final Semaphore running;
    private final int maxRunning;
    private final int maxWaiting;
    private final long retryAfterSeconds;
    private final AtomicLong refused = new AtomicLong();

    AdmissionQueue(int maxRunning, int maxWaiting, Duration retryAfter) {
        if (maxRunning < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("jina-clip.server.max-concurrent-requests must be at least 1 and"
                    + " max-queued-requests at least 0, were " + maxRunning + " and " + maxWaiting);
        }
        this.admitted = new Semaphore(maxRunning + maxWaiting, true);
        this.running = new Semaphore(maxRunning, true);
        this.maxRunning = maxRunning;
        this.maxWaiting = maxWaiting;
        // Retry-After takes whole seconds; never 0, which clients read as "now"
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /**
     * Runs {@code work} once the engine has room for it.
     *
     * @throws ApiProblem 429 with {@code Retry-After} when as many requests run and wait as the bounds allow;
     *                    503 if the thread is interrupted while waiting (the server is stopping)
     */
    <T> T run(Supplier<T> work) {
        if (!admitted.tryAcquire()) {
            refused.incrementAndGet();
            throw ApiProblem.of(429, "RATE_CONCURRENCY_LIMIT_EXCEEDED", "The server is busy: " + maxRunning
                    + " requests are being embedded and " + maxWaiting + " are waiting; retry after "
                    + retryAfterSeconds + " s").retryAfter(retryAfterSeconds);
        }
        try {
            running.acquire();
            try {
                return work.get();
            } finally {
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.stopping();
        } finally {
            admitted.release();
        }
    }

    /** The requests answered 429 since start-up. */
    long refused() {
        return refused.get();
    }

    /** The requests admitted now, running or waiting. */
    int depth() {
        return maxRunning + maxWaiting - admitted.availablePermits();
    }
}
