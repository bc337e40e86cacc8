package dev.jinaclip.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two pending requests fill a bound of 2: the third is 429 at once, with Retry-After; the admitted ones finish. */
class AdmissionQueueTest {

    @Test
    void aRequestBeyondTheBoundsIs429WithRetryAfterAndTheAdmittedOnesFinish() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(2, Duration.ofMillis(1500));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> queue.run(() -> {
            started.countDown();
            await(release);
            return "first";
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> queue.run(() -> {
            await(release);
            return "second";
        }));
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
