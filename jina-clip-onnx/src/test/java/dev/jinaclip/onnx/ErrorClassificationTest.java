package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.image.ImageDecodingException;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the local engine's failures say about a retry, as the hosted backend's do for the same causes: a remote
 * image that times out or answers 408, 409, 429 or 5xx may succeed later; one that answers 4xx, is not an image or
 * does not decode will not.
 */
class ErrorClassificationTest {

    static JinaClipOnnxEngine engine;
    static final MockWebServer server = new MockWebServer();
    // every request gets it: OkHttp itself repeats a request answered 408 once
    static volatile MockResponse answer;

    @BeforeAll
    static void load() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer;
            }
        });
        server.start();
        engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(model("tiny"))
                .intraOpThreads(1).imageReadTimeout(Duration.ofMillis(300)).build());
    }

    @AfterAll
    static void close() throws Exception {
        engine.close();
        server.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void should_call_a_remote_image_that_answers_a_transient_status_retryable(int status) {
        answer = new MockResponse.Builder().code(status).build();

        RemoteImageException e = remoteFailure();

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.kind()).isEqualTo(JinaClipException.Kind.REMOTE_IMAGE);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e).hasMessageStartingWith("Input 1: downloading image ").hasMessageEndingWith("HTTP " + status);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 410, 501})
    void should_call_a_remote_image_that_answers_a_lasting_status_not_retryable(int status) {
        answer = new MockResponse.Builder().code(status).build();

        RemoteImageException e = remoteFailure();

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.statusCode()).isEqualTo(status);
    }

    @Test
    void should_call_a_remote_image_whose_server_goes_silent_retryable() {
        answer = new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                .addHeader("Content-Type", "image/png").body(new Buffer().write(solidPng(Color.RED, 8, 8))).build();

        RemoteImageException e = remoteFailure();

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.statusCode()).isZero();
        assertThat(e).hasMessageContaining("timed out").hasMessageContaining("imageReadTimeout");
    }

    @Test
    void should_call_a_remote_page_that_is_not_an_image_not_retryable() {
        answer = new MockResponse.Builder().addHeader("Content-Type", "text/html").body("<html>").build();

        RemoteImageException e = remoteFailure();

        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessageContaining("is not an image (Content-Type text/html");
    }

    @Test
    void should_call_an_image_that_does_not_decode_a_caller_error() {
        Throwable thrown = catchThrowable(() -> engine.embed(List.of(ClipInput.text("red"),
                ClipInput.imageBytes("not an image".getBytes(StandardCharsets.UTF_8)))));

        assertThat(thrown).isInstanceOfSatisfying(ImageDecodingException.class, e -> {
            assertThat(e.kind()).isEqualTo(JinaClipException.Kind.INVALID_INPUT);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e).hasMessageStartingWith("Input 1: unsupported or unrecognised image format");
        });
    }

    @Test
    void should_keep_refusing_a_blank_text_before_any_work() {
        assertThat(catchThrowable(() -> engine.embed(List.of(ClipInput.text(" ")))))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text is blank");
    }

    static RemoteImageException remoteFailure() {
        Throwable thrown = catchThrowable(() -> engine.embed(List.of(ClipInput.text("red"),
                ClipInput.imageUrl(server.url("/image.png").uri()))));
        assertThat(thrown).isInstanceOf(RemoteImageException.class);
        return (RemoteImageException) thrown;
    }
}
