package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jinaclip.image.ImageDecodingException;
import dev.jinaclip.onnx.RemoteImageException;
import dev.jinaclip.springai.ImageDocuments;
import dev.jinaclip.springai.JinaClipDocumentEmbeddingModel;
import dev.jinaclip.springai.JinaClipEmbeddingModel;
import dev.jinaclip.testing.Fixtures;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.MimeTypeUtils;

/**
 * The local backend wired from properties, with the small "tiny" ONNX fixture: its failures as Spring AI's
 * exceptions, and the settings that change what it does.
 */
class LocalBackendTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static ApplicationContextRunner local(String... more) {
        return runner().withPropertyValues("spring.ai.jina-clip.backend=onnx",
                "spring.ai.jina-clip.onnx.model-directory=" + Fixtures.model("tiny"),
                "spring.ai.jina-clip.onnx.intra-op-threads=1").withPropertyValues(more);
    }

    @Test
    void should_fail_transiently_when_a_remote_image_answers_503() {
        // given
        server.enqueue(new MockResponse.Builder().code(503).build());

        local().run(context -> {
            // when
            Throwable thrown = catchThrowable(() -> context.getBean(JinaClipDocumentEmbeddingModel.class)
                    .call(new DocumentEmbeddingRequest(ImageDocuments.of(server.url("/a.png").uri(), "a"))));

            // then
            assertThat(thrown).isInstanceOf(TransientAiException.class)
                    .hasMessage("Input 0: downloading image " + server.url("/a.png") + " failed with HTTP 503")
                    .hasCauseInstanceOf(RemoteImageException.class);
        });
    }

    @Test
    void should_fail_non_transiently_when_an_image_does_not_decode() {
        // given
        Document notAnImage = new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                .data("not an image".getBytes()).build(), Map.of());

        local().run(context -> {
            // when
            Throwable thrown = catchThrowable(() -> context.getBean(JinaClipDocumentEmbeddingModel.class)
                    .call(new DocumentEmbeddingRequest(new Document("red"), notAnImage)));

            // then
            assertThat(thrown).isInstanceOf(NonTransientAiException.class)
                    .hasMessageStartingWith("Input 1: ")
                    .hasCauseInstanceOf(ImageDecodingException.class);
        });
    }

    @Test
    void should_refuse_a_remote_image_when_fetching_is_turned_off() {
        local("spring.ai.jina-clip.onnx.fetch-remote-images=false").run(context -> {
            // when
            Throwable thrown = catchThrowable(() -> context.getBean(JinaClipDocumentEmbeddingModel.class)
                    .call(new DocumentEmbeddingRequest(ImageDocuments.of(server.url("/a.png").uri(), "a"))));

            // then
            assertThat(thrown).hasMessageStartingWith("Input 0: ");
            assertThat(server.getRequestCount()).isZero();
        });
    }

    @Test
    void should_fail_on_a_text_longer_than_max_text_tokens_when_asked() {
        local("spring.ai.jina-clip.onnx.max-text-tokens=4", "spring.ai.jina-clip.onnx.fail-on-truncation=true")
                .run(context -> {
                    // when
                    Throwable thrown = catchThrowable(() -> context.getBean(JinaClipEmbeddingModel.class)
                            .embed("a text that is far longer than four tokens"));

                    // then
                    assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith("Input 0: text is longer than maxTextTokens");
                });
    }
}
