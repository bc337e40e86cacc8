package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.API_KEY;
import static dev.jinaclip.springai.autoconfigure.TestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.springai.ImageDocuments;
import dev.jinaclip.springai.JinaClipDocumentEmbeddingModel;
import dev.jinaclip.springai.JinaClipEmbeddingModel;
import dev.jinaclip.testing.FakeJinaApi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.MimeTypeUtils;

/** The hosted backend wired from properties, against a local stand-in for the Jina API. */
@ExtendWith(OutputCaptureExtension.class)
class HostedBackendTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private ApplicationContextRunner hosted(String... more) {
        return runner().withPropertyValues("spring.ai.jina-clip.api-key=" + API_KEY,
                "spring.ai.jina-clip.base-url=" + server.url("/")).withPropertyValues(more);
    }

    @Test
    void should_send_texts_with_the_configured_key_model_and_settings() {
        // given
        FakeJinaApi api = new FakeJinaApi(768);
        server.setDispatcher(api);

        hosted("spring.ai.jina-clip.embedding-type=base64", "spring.ai.jina-clip.normalized=false").run(context -> {
            // when
            EmbeddingResponse response = context.getBean(JinaClipEmbeddingModel.class)
                    .call(new EmbeddingRequest(List.of("a red apple", "the blue sky"), null));

            // then
            assertThat(response.getResults()).hasSize(2).allSatisfy(e -> assertThat(e.getOutput()).hasSize(768));
            assertThat(response.getResults().get(0).getOutput()).containsExactly(
                    FakeJinaApi.vectorOf("a red apple", 768));
            assertThat(response.getMetadata().getModel()).isEqualTo("jina-clip-v1");
            assertThat(response.getMetadata().getUsage().getTotalTokens()).isPositive();
            RecordedRequest request = server.takeRequest();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/embeddings");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
            JsonNode body = api.requests().get(0);
            assertThat(body.get("model").asText()).isEqualTo("jina-clip-v1");
            assertThat(body.get("embedding_type").asText()).isEqualTo("base64");
            assertThat(body.get("normalized").asBoolean()).isFalse();
        });
    }

    @Test
    void should_split_large_calls_into_requests_of_max_batch_size() {
        // given
        FakeJinaApi api = new FakeJinaApi(768);
        server.setDispatcher(api);

        hosted("spring.ai.jina-clip.max-batch-size=2").run(context -> {
            // when
            List<float[]> vectors = context.getBean(JinaClipEmbeddingModel.class)
                    .embed(List.of("one apple", "two pears", "three plums", "four figs", "five kiwis"));

            // then
            assertThat(vectors).hasSize(5);
            assertThat(vectors.get(4)).containsExactly(FakeJinaApi.vectorOf("five kiwis", 768));
            assertThat(api.requests()).extracting(r -> r.get("input").size()).containsExactlyInAnyOrder(2, 2, 1);
        });
    }

    @Test
    void should_send_image_documents_as_urls_and_base64() {
        // given
        FakeJinaApi api = new FakeJinaApi(768);
        server.setDispatcher(api);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

        hosted().run(context -> {
            // when
            EmbeddingResponse response = context.getBean(JinaClipDocumentEmbeddingModel.class)
                    .call(new DocumentEmbeddingRequest(
                            new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                                    .data("https://img.example/red.png").build(), Map.of()),
                            new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(png).build(),
                                    Map.of()),
                            new Document("a caption")));

            // then
            assertThat(response.getResults()).hasSize(3);
            JsonNode input = api.requests().get(0).get("input");
            assertThat(input.get(0).get("image").asText()).isEqualTo("https://img.example/red.png");
            assertThat(input.get(1).get("image").asText()).endsWith("iVBORw0KGgo=");
            assertThat(input.get(2).get("text").asText()).isEqualTo("a caption");
            assertThat((Integer) response.getMetadata().get("image_tokens")).isEqualTo(2000);
        });
    }

    @Test
    void should_upload_an_image_as_one_tile_and_report_the_tokens_saved_when_the_saver_is_on() throws Exception {
        // given: 500 × 400, 3 × 2 tiles of jina-clip-v1's 224
        FakeJinaApi api = new FakeJinaApi(768);
        server.setDispatcher(api);
        BufferedImage picture = new BufferedImage(500, 400, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", jpeg);

        hosted("spring.ai.jina-clip.image-token-saver=true").run(context -> {
            // when
            EmbeddingResponse response = context.getBean(JinaClipDocumentEmbeddingModel.class)
                    .call(new DocumentEmbeddingRequest(new Document(Media.builder()
                            .mimeType(MimeTypeUtils.IMAGE_JPEG).data(jpeg.toByteArray()).build(), Map.of())));

            // then
            byte[] uploaded = Base64.getDecoder().decode(api.requests().get(0).get("input").get(0).get("image")
                    .asText());
            BufferedImage sent = ImageIO.read(new ByteArrayInputStream(uploaded));
            assertThat(sent.getWidth()).isEqualTo(JinaClipModel.JINA_CLIP_V1.imageSize());
            assertThat(sent.getHeight()).isEqualTo(JinaClipModel.JINA_CLIP_V1.imageSize());
            assertThat((Integer) response.getMetadata().get(ClipUsage.IMAGE_TOKENS_SAVED))
                    .isEqualTo((3 * 2 - 1) * JinaClipModel.JINA_CLIP_V1.tokensPerImageTile());
        });
    }

    @Test
    void should_fail_non_transiently_on_a_rejected_key_keeping_the_apis_details() {
        // given
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"detail\":\"Invalid API key\",\"code\":\"AUTH_INVALID_API_KEY\",\"request_id\":\"req-1\"}")
                .build());

        hosted().run(context -> {
            // when
            Throwable thrown = catchThrowable(() -> context.getBean(JinaClipEmbeddingModel.class).embed("a"));

            // then
            assertThat(thrown).isInstanceOf(NonTransientAiException.class).hasMessageContaining("401");
            JinaApiException jina = JinaApiException.findIn(thrown).orElseThrow();
            assertThat(jina.statusCode()).isEqualTo(401);
            assertThat(jina.code()).hasValue("AUTH_INVALID_API_KEY");
            assertThat(jina.requestId()).hasValue("req-1");
            assertThat(server.getRequestCount()).isEqualTo(1);
        });
    }

    @Test
    void should_fail_non_transiently_when_the_api_rejects_the_request() {
        // given
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"detail\":\"Image could not be decoded\"}").build());

        hosted().run(context -> {
            // when
            Throwable thrown = catchThrowable(() -> context.getBean(JinaClipDocumentEmbeddingModel.class)
                    .call(new DocumentEmbeddingRequest(ImageDocuments.of(URI.create("https://img.example/x.png"), "x"))));

            // then
            assertThat(thrown).isInstanceOf(NonTransientAiException.class).hasMessageContaining("400");
            assertThat(JinaApiException.findIn(thrown).orElseThrow().isRetryable()).isFalse();
        });
    }

    @Test
    void should_fail_transiently_when_the_api_is_unavailable() {
        // given
        server.enqueue(new MockResponse.Builder().code(503).body("{\"detail\":\"Service unavailable\"}").build());

        hosted("spring.ai.jina-clip.max-retries=0").run(context -> {
            // when
            Throwable thrown = catchThrowable(() -> context.getBean(JinaClipEmbeddingModel.class).embed("a"));

            // then
            assertThat(thrown).isInstanceOf(TransientAiException.class).hasMessageContaining("503");
            assertThat(JinaApiException.findIn(thrown).orElseThrow().statusCode()).isEqualTo(503);
            assertThat(server.getRequestCount()).isEqualTo(1);
        });
    }

    @Test
    void should_send_the_api_key_property_rather_than_JINA_API_KEY() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(768));

        hosted("JINA_API_KEY=jina_other_key").run(context -> {
            // when
            context.getBean(JinaClipEmbeddingModel.class).embed("a");

            // then
            assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        });
    }

    @Test
    void should_send_the_truncate_setting_and_log_requests_when_asked(CapturedOutput output) {
        // given
        FakeJinaApi api = new FakeJinaApi(768);
        server.setDispatcher(api);

        hosted("spring.ai.jina-clip.truncate=true", "spring.ai.jina-clip.log-requests=true").run(context -> {
            // when
            context.getBean(JinaClipEmbeddingModel.class).embed("a long text");

            // then
            assertThat(api.requests().get(0).get("truncate").asBoolean()).isTrue();
            assertThat(output).contains("HTTP request:").contains("a long text").doesNotContain(API_KEY);
        });
    }

    @Test
    void should_fail_transiently_when_rate_limited_after_the_configured_retries() {
        // given
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
                    .body("{\"detail\":\"Too many requests\"}").build());
        }

        hosted("spring.ai.jina-clip.max-retries=1").run(context -> {
            // when
            Throwable thrown = catchThrowable(() -> context.getBean(JinaClipEmbeddingModel.class).embed("a"));

            // then
            assertThat(thrown).isInstanceOf(TransientAiException.class);
            assertThat(JinaApiException.findIn(thrown).orElseThrow().attempts()).isEqualTo(2);
            assertThat(server.getRequestCount()).isEqualTo(2);
        });
    }
}
