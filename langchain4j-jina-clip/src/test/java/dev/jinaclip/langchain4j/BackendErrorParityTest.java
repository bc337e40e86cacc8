package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static dev.jinaclip.testing.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.image.ImageDecodingException;
import dev.jinaclip.onnx.RemoteImageException;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same failure is the same LangChain4j exception on both backends, chosen by
 * {@link JinaClipException#isRetryable()}: a caller can catch {@code RetriableException} to retry and
 * {@code InvalidRequestException} to report a bad input, whichever backend is configured.
 */
class BackendErrorParityTest {

    static final String NOT_AN_IMAGE = Base64.getEncoder().encodeToString("not an image".getBytes());

    static JinaClipOnnxEmbeddingModel local;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @BeforeAll
    static void load() {
        local = JinaClipOnnxEmbeddingModel.builder().modelDirectory(model("tiny")).intraOpThreads(1).build();
    }

    @AfterAll
    static void close() {
        local.close();
    }

    @Test
    void should_make_an_image_that_does_not_decode_an_invalid_request_on_the_local_backend() {
        Throwable thrown = catchThrowable(() -> local.embed(Image.builder().base64Data(NOT_AN_IMAGE)
                .mimeType("image/png").build()));

        assertThat(thrown).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Input 0: unsupported or unrecognised image format")
                .hasCauseInstanceOf(ImageDecodingException.class);
    }

    @Test
    void should_make_an_image_the_api_refuses_an_invalid_request_on_the_hosted_backend() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"detail\":\"Invalid image\"}").build());
        try (JinaClipApiEmbeddingModel hosted = modelFor(server).maxRetries(0).build()) {
            Throwable thrown = catchThrowable(() -> hosted.embed(Image.builder().base64Data(NOT_AN_IMAGE)
                    .mimeType("image/png").build()));

            assertThat(thrown).isInstanceOf(InvalidRequestException.class)
                    .hasCauseInstanceOf(JinaApiException.class);
        }
    }

    @Test
    void should_make_a_remote_image_answering_503_retriable_on_the_local_backend() {
        server.enqueue(new MockResponse.Builder().code(503).build());

        Throwable thrown = catchThrowable(() -> local.embed(Image.builder().url(server.url("/a.png").uri())
                .build()));

        assertThat(thrown).isInstanceOf(RetriableException.class)
                .hasMessage("Input 0: downloading image " + server.url("/a.png") + " failed with HTTP 503");
        assertThat(JinaClipException.find(thrown, RemoteImageException.class)).hasValueSatisfying(e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.statusCode()).isEqualTo(503);
        });
    }

    @Test
    void should_make_a_503_of_the_api_retriable_on_the_hosted_backend() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        try (JinaClipApiEmbeddingModel hosted = modelFor(server).maxRetries(0).build()) {
            Throwable thrown = catchThrowable(() -> hosted.embed(Image.builder().url(server.url("/a.png").uri())
                    .build()));

            assertThat(thrown).isInstanceOf(RetriableException.class);
            assertThat(JinaApiException.findIn(thrown)).hasValueSatisfying(e -> assertThat(e.isRetryable()).isTrue());
        }
    }

    @Test
    void should_make_a_missing_remote_image_a_lasting_failure_on_the_local_backend() {
        server.enqueue(new MockResponse.Builder().code(404).build());

        Throwable thrown = catchThrowable(() -> local.embed(Image.builder().url(server.url("/gone.png").uri())
                .build()));

        assertThat(thrown).isInstanceOf(NonRetriableException.class).isNotInstanceOf(RetriableException.class)
                .hasCauseInstanceOf(RemoteImageException.class);
    }
}
