package dev.jinaclip.hub;

import dev.jinaclip.testing.FakeHub;
import static dev.jinaclip.testing.FakeHub.MODEL_BYTES;
import static dev.jinaclip.testing.FakeHub.REPO;
import static dev.jinaclip.testing.FakeHub.TEXT_MODEL;
import static dev.jinaclip.hub.HubTesting.hub;
import static dev.jinaclip.hub.HubTesting.repoDir;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.jinaclip.hub.internal.BlobLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** Threads and processes that want the same blob at once download it once, and never corrupt the cache. */
@Timeout(20)
class HuggingFaceHubConcurrencyTest extends FakeHubTest {

    static final String MODEL_ETAG = FakeHub.sha256(MODEL_BYTES);

    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void should_download_once_when_two_threads_fetch_the_same_file() throws Exception {
        // given a slow CDN, and two hubs on one cache
        fake.throttleBytesPerSecond = 1_500_000;
        HuggingFaceHub first = hub(server, cache).build();
        HuggingFaceHub second = hub(server, cache).build();
        CountDownLatch start = new CountDownLatch(1);

        // when
        Future<Path> a = pool.submit(() -> {
            start.await();
            return first.snapshot(REPO, List.of(TEXT_MODEL));
        });
        Future<Path> b = pool.submit(() -> {
            start.await();
            return second.snapshot(REPO, List.of(TEXT_MODEL));
        });
        start.countDown();

        // then
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(b.get(10, TimeUnit.SECONDS));
        assertThat(a.get().resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.cdnGets()).hasSize(1);
        assertThat(HubTesting.tree(repoDir(cache).resolve("blobs"))).isEqualTo(MODEL_ETAG);
    }

    @Test
    void should_wait_for_another_process_and_use_the_blob_it_downloaded() throws Exception {
        // given another JVM that holds the blob's lock
        Path lockFile = cache.resolve(".locks/models--jinaai--jina-clip-v1/" + MODEL_ETAG + ".lock");
        Path blob = repoDir(cache).resolve("blobs/" + MODEL_ETAG);
        Path source = Files.write(cache.resolve("downloaded-elsewhere"), MODEL_BYTES);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                lockFile.toString(), blob.toString(), source.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(other.getOutputStream(), StandardCharsets.UTF_8);
             WaitingLog waiting = new WaitingLog()) {
            assertThat(out.readLine()).isEqualTo("locked");
            HuggingFaceHub hub = hub(server, cache).build();

            // when this process wants the same file
            Future<Path> call = pool.submit(() -> hub.snapshot(REPO, List.of(TEXT_MODEL)));
            assertThat(waiting.latch.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(call.isDone()).isFalse();
            in.write("done\n");
            in.flush();

            // then it takes the other process's blob instead of downloading
            assertThat(call.get(10, TimeUnit.SECONDS).resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
            assertThat(fake.cdnGets()).isEmpty();
            assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.destroy();
        }
    }

    /** Opens a latch when this process starts waiting for another one's lock. */
    static final class WaitingLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {
        final CountDownLatch latch = new CountDownLatch(1);
        private final Logger logger = (Logger) LoggerFactory.getLogger(BlobLock.class);

        WaitingLog() {
            start();
            logger.addAppender(this);
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getFormattedMessage().startsWith("Waiting for another process")) {
                latch.countDown();
            }
        }

        @Override
        public void close() {
            logger.detachAppender(this);
        }
    }
}
