package dev.jinaclip.server;

import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server with room for one request and none waiting, that one held: our hosted client is answered 429 with
 * {@code Retry-After}, waits it out, retries once the room is free, and gets its vectors.
 */
@TestPropertySource(properties = {"jina-clip.server.max-pending-requests=1", "jina-clip.server.retry-after=1s"})
class FullQueueRetryTest extends ServerTest {

    @Autowired
    AdmissionQueue queue;

    JinaClipApiClient client(int maxRetries) {
        return new JinaClipApiClient(JinaClipApiConfig.builder().baseUrl(baseUrl()).apiKey(KEY)
                .model(JinaClipModel.JINA_CLIP_V1).maxRetries(maxRetries).build());
    }

    /** Holds the queue's one place until {@code refusals} more requests have been answered 429. */
    static CompletableFuture<Void> holdUntilRefused(AdmissionQueue queue, long refusals, CountDownLatch held) {
        long target = queue.refused() + refusals;
        return CompletableFuture.runAsync(() -> queue.run(() -> {
            held.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (queue.refused() < target && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return null;
        }));
    }

    @Test
    void aFullQueueAnswers429AndOurClientRetriesAfterRetryAfterAndSucceeds() throws Exception {
        List<ClipInput> inputs = List.of(ClipInput.text("a red square"), ClipInput.text("blue"));
        CountDownLatch held = new CountDownLatch(1);
        long refusedBefore = queue.refused();
        CompletableFuture<Void> holder = holdUntilRefused(queue, 1, held);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        List<float[]> served;
        long started = System.nanoTime();
        try (JinaClipApiClient client = client(1)) {
            served = client.embed(inputs).vectors();
        }
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        holder.get(30, TimeUnit.SECONDS);
        assertThat(queue.refused() - refusedBefore).isEqualTo(1);
        assertThat(waitedMillis).as("the client waited Retry-After (1 s) before retrying").isGreaterThanOrEqualTo(900);
        assertSameAsInProcess(inputs, served);
    }

    @Test
    void withoutRetriesTheClientSeesThe429() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = holdUntilRefused(queue, 1, held);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try (JinaClipApiClient client = client(0)) {
            assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("red"))))
                    .isInstanceOfSatisfying(JinaApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.isRetryable()).isTrue();
                    });
        }
        holder.get(30, TimeUnit.SECONDS);
    }
}
