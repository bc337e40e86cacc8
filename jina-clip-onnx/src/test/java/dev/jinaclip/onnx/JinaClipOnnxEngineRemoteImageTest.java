package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipInput;
import java.awt.Color;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Images given by URL: downloads run apart from decoding, so a slow one delays only the call that asked for it;
 * each has time limits, and a failure names the input and cancels the call's other downloads.
 */
class JinaClipOnnxEngineRemoteImageTest {

    static final byte[] PNG = solidPng(Color.RED, 300, 200);
    // what "promptly" means here: a call on the tiny model takes milliseconds, a trickle takes 30 s
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    final List<MockWebServer> servers = new ArrayList<>();
    final List<JinaClipOnnxEngine> engines = new ArrayList<>();
    final List<ExecutorService> pools = new ArrayList<>();
    final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws Exception {
        // closing the servers ends the trickles, so the callers return and the engines can close
        for (MockWebServer server : servers) {
            server.close();
        }
        callers.shutdown();
        assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).as("callers ended").isTrue();
        engines.forEach(JinaClipOnnxEngine::close);
        pools.forEach(ExecutorService::shutdownNow);
    }

    @ParameterizedTest(name = "image threads: {0} (0: the engine's own pool)")
    @ValueSource(ints = {0, 1, 2})
    void should_decode_a_local_image_while_other_callers_downloads_trickle(int imageThreads, @TempDir Path dir)
            throws Exception {
        JinaClipOnnxEngine engine = engine(imageThreads(imageThreads));
        MockWebServer slow = server(trickle());
        // enough downloads to hold every image thread, had downloads run on them
        int threads = imageThreads == 0 ? Runtime.getRuntime().availableProcessors() : imageThreads;
        Future<ClipEmbeddings> first = callers.submit(() -> engine.embed(remoteImages(slow, threads)));
        Future<ClipEmbeddings> second = callers.submit(() -> engine.embed(remoteImages(slow, threads)));
        awaitRequests(slow, Math.min(threads, JinaClipOnnxConfig.DEFAULT_MAX_IMAGE_DOWNLOADS_PER_HOST));
        Path file = Files.write(dir.resolve("red.png"), PNG);

        Future<ClipEmbeddings> local = callers.submit(() -> engine.embed(List.of(ClipInput.imageFile(file))));

        assertThat(local).succeedsWithin(PROMPTLY);
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
    }

    @ParameterizedTest(name = "image threads: {0}")
    @ValueSource(ints = {1, 2})
    void should_not_delay_a_download_from_a_fast_server_behind_a_slow_one(int imageThreads) throws Exception {
        JinaClipOnnxEngine engine = engine(imageThreads(imageThreads));
        MockWebServer slow = server(trickle());
        MockWebServer fast = server(image());
        Future<ClipEmbeddings> slowCall = callers.submit(() -> engine.embed(remoteImages(slow, imageThreads)));
        awaitRequests(slow, imageThreads);

        Future<ClipEmbeddings> fastCall = callers.submit(() -> engine.embed(remoteImages(fast, 1)));

        assertThat(fastCall).succeedsWithin(PROMPTLY);
        assertThat(fastCall.get().vectors().get(0))
                .containsExactly(engine.embed(List.of(ClipInput.imageBytes(PNG))).vectors().get(0));
        assertThat(slowCall).isNotDone();
    }

    @Test
    void should_fail_promptly_naming_the_input_when_the_server_does_not_answer_the_connection() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket unanswered = notAccepting(queued)) {
            JinaClipOnnxEngine engine = engine(config -> config.imageConnectTimeout(Duration.ofMillis(500)));
            String url = "http://127.0.0.1:" + unanswered.getLocalPort() + "/photo.png";

            assertFailsPromptly(engine, List.of(ClipInput.text("a photo"), ClipInput.imageUrl(URI.create(url))))
                    .withMessage("Input 1: downloading image " + url
                            + " timed out: no connection within 500 ms (imageConnectTimeout)");
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    void should_fail_promptly_naming_the_input_when_the_server_sends_nothing() throws Exception {
        JinaClipOnnxEngine engine = engine(config -> config.imageReadTimeout(Duration.ofMillis(500)));
        MockWebServer silent = server(image().newBuilder().headersDelay(60, TimeUnit.SECONDS).build());
        String url = silent.url("/photo.png").toString();

        assertFailsPromptly(engine, List.of(ClipInput.imageUrl(URI.create(url))))
                .withMessage("Input 0: downloading image " + url
                        + " timed out: the server sent nothing for 500 ms (imageReadTimeout)");
    }

    @Test
    void should_fail_promptly_naming_the_input_when_a_download_takes_too_long() throws Exception {
        // bytes keep coming (one chunk a second, within the 10 s read limit), but the whole image takes 30 s
        JinaClipOnnxEngine engine = engine(config -> config.imageDownloadTimeout(Duration.ofSeconds(2)));
        MockWebServer slow = server(trickle());
        MockWebServer fast = server(image());
        List<ClipInput> inputs = new ArrayList<>(remoteImages(fast, 2));
        inputs.addAll(remoteImages(slow, 1));

        assertFailsPromptly(engine, inputs)
                .withMessage("Input 2: downloading image " + slow.url("/image-0.png")
                        + " timed out: not complete after 2 s (imageDownloadTimeout)");
    }

    @Test
    void should_fail_at_a_failed_download_without_waiting_for_the_slower_ones() throws Exception {
        JinaClipOnnxEngine engine = engine(config -> { });
        MockWebServer slow = server(trickle());
        MockWebServer missing = server(new MockResponse.Builder().code(404).build());
        List<ClipInput> inputs = new ArrayList<>(remoteImages(slow, 1));
        inputs.addAll(remoteImages(missing, 1));

        assertFailsPromptly(engine, inputs)
                .withMessage("Input 1: downloading image " + missing.url("/image-0.png") + " failed with HTTP 404");
    }

    @Test
    void should_name_the_input_of_a_url_that_java_accepts_and_the_http_client_does_not() {
        // java.net.URI takes port 99999; OkHttp refuses it when the request is built
        JinaClipOnnxEngine engine = engine(config -> { });
        List<ClipInput> inputs = List.of(ClipInput.text("red"),
                ClipInput.imageUrl(java.net.URI.create("http://127.0.0.1:99999/red.png")));

        assertThatThrownBy(() -> engine.embed(inputs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 1: image URL http://127.0.0.1:99999/red.png cannot be downloaded: ");
    }

    @Test
    void should_cancel_the_downloads_of_a_call_that_failed() throws Exception {
        // one download slot: a download that the failed call left running would hold it
        JinaClipOnnxEngine engine = engine(config -> config.maxImageDownloads(1));
        MockWebServer slow = server(trickle());
        MockWebServer fast = server(image());
        List<ClipInput> inputs = new ArrayList<>(remoteImages(slow, 1));
        inputs.add(ClipInput.imageBytes("not an image".getBytes(StandardCharsets.UTF_8)));
        Future<ClipEmbeddings> failed = callers.submit(() -> engine.embed(inputs));

        assertThat(failed).failsWithin(PROMPTLY).withThrowableOfType(ExecutionException.class)
                .havingCause().withMessageStartingWith("Input 1: ");
        assertThat(callers.submit(() -> engine.embed(remoteImages(fast, 1)))).succeedsWithin(PROMPTLY);
    }

    @Test
    void should_reject_time_limits_out_of_range() {
        assertThatThrownBy(() -> JinaClipOnnxConfig.builder().imageReadTimeout(Duration.ZERO).build())
                .hasMessage("imageReadTimeout must be between 1 ms and 2147483647 ms, was PT0S");
        assertThatThrownBy(() -> JinaClipOnnxConfig.builder().maxImageDownloadsPerHost(0).build())
                .hasMessage("maxImageDownloadsPerHost must be at least 1, was 0");
    }

    ThrowableAssertAlternative<?> assertFailsPromptly(JinaClipOnnxEngine engine,
                                                       List<ClipInput> inputs) {
        return assertThat(callers.submit(() -> engine.embed(inputs))).failsWithin(PROMPTLY)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(RemoteImageException.class);
    }

    Consumer<JinaClipOnnxConfig.Builder> imageThreads(int threads) {
        return config -> {
            if (threads > 0) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                pools.add(pool);
                config.imageExecutor(pool);
            }
        };
    }

    JinaClipOnnxEngine engine(Consumer<JinaClipOnnxConfig.Builder> settings) {
        JinaClipOnnxConfig.Builder config = JinaClipOnnxConfig.builder().modelDirectory(model("tiny"))
                .intraOpThreads(1);
        settings.accept(config);
        JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config.build());
        engines.add(engine);
        return engine;
    }

    /**
     * A socket on 127.0.0.1 that listens but never accepts, its backlog filled: the kernel leaves further
     * connection attempts unanswered, as a host behind a firewall that drops packets does.
     */
    static ServerSocket notAccepting(List<Socket> queued) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        for (int i = 0; i < 16; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
                queued.add(socket);
            } catch (SocketTimeoutException e) {
                socket.close();
                return server;
            }
        }
        server.close();
        return Assumptions.abort("this system answers connection attempts past a full backlog");
    }

    MockWebServer server(MockResponse response) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
        server.start();
        servers.add(server);
        return server;
    }

    static MockResponse image() {
        return new MockResponse.Builder().addHeader("Content-Type", "image/png").body(new Buffer().write(PNG))
                .build();
    }

    /** The image, sent over about 30 s. */
    static MockResponse trickle() {
        return image().newBuilder().throttleBody(PNG.length / 30 + 1, 1, TimeUnit.SECONDS).build();
    }

    static List<ClipInput> remoteImages(MockWebServer server, int count) {
        List<ClipInput> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(ClipInput.imageUrl(server.url("/image-" + i + ".png").uri()));
        }
        return inputs;
    }

    static void awaitRequests(MockWebServer server, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            assertThat(server.takeRequest(10, TimeUnit.SECONDS)).as("request %d of %d", i + 1, count).isNotNull();
        }
    }
}
