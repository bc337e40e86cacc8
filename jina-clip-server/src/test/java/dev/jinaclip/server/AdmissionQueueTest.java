package dev.jinaclip.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One request running and one waiting fill a queue of 1 + 1: the third is 429 at once, with Retry-After. */
class AdmissionQueueTest {

    @Test
    void aRequestBeyondTheBoundsIs429WithRetryAfterAndTheAdmittedOnesFinish() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, 1, Duration.ofMillis(1500));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> queue.run(() -> {
            started.countDown();
            await(release);
            return "first";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> queue.run(() -> "second"));
        while (queue.depth() < 2) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> queue.run(() -> "third")).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(429);
            assertThat(problem.retryAfterSeconds()).isEqualTo(2);
            assertThat(problem.body().get("code").asText()).isEqualTo("RATE_CONCURRENCY_LIMIT_EXCEEDED");
        });

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(queue.depth()).isZero();
        assertThat(queue.run(() -> "later")).isEqualTo("later");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
