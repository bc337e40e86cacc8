package dev.jinaclip.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.testing.Fixtures;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.TokenCountBatchingStrategy;
import org.springframework.util.MimeTypeUtils;

/**
 * An input that cannot be used is refused with an error naming its position, in the one format of both backends
 * ({@code Input <position>: ...}), before anything drops it or trips over it: Spring AI's own defaults answer with
 * messages that name no input, and its batching strategy fails on a {@code null} document. Nothing is sent.
 */
class InputErrorTest {

    private static JinaClipOnnxEngine local;
    private static JinaClipApiClient hosted;

    private final FakeClipEngine engine = new FakeClipEngine();
    private final JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(engine).build();

    @BeforeAll
    static void engines() {
        local = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(Fixtures.model("tiny"))
                .intraOpThreads(1).build());
        // nothing listens there: an input error must be found before any request
        hosted = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("jina_test_key")
                .baseUrl("http://127.0.0.1:9").maxRetries(0).build());
    }

    @AfterAll
    static void close() {
        local.close();
        hosted.close();
    }

    static Stream<ClipEngine> backends() {
        return Stream.of(local, hosted);
    }

    @Test
    void should_name_a_null_text_in_a_list() {
        assertThatThrownBy(() -> model.embed(Arrays.asList("a", null, "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: text is null");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void should_say_input_0_for_a_null_single_text_or_document() {
        assertThatThrownBy(() -> model.embed((String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text is null");
        assertThatThrownBy(() -> model.embed((Document) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: document is null");
    }

    @Test
    void should_name_a_null_document_before_the_batching_strategy_sees_it() {
        List<Document> documents = Arrays.asList(new Document("a"), null, new Document("b"));

        assertThatThrownBy(() -> model.embed(documents, null, new TokenCountBatchingStrategy()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: document is null");
        assertThatThrownBy(() -> JinaClipDocumentEmbeddingModel.builder(engine).build()
                .call(new DocumentEmbeddingRequest(documents)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: document is null");
        assertThat(engine.calls).isEmpty();
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("backends")
    void should_name_a_blank_text(ClipEngine backend) {
        JinaClipEmbeddingModel onBackend = JinaClipEmbeddingModel.builder(backend).build();

        assertThatThrownBy(() -> onBackend.embed(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text is blank");
        assertThatThrownBy(() -> onBackend.embed(List.of("red", "\t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: text is blank");
    }

    @ParameterizedTest(autoCloseArguments = false)
    @MethodSource("backends")
    void should_reject_image_urls_of_other_schemes_as_the_engine_does(ClipEngine backend) {
        JinaClipDocumentEmbeddingModel onBackend = JinaClipDocumentEmbeddingModel.builder(backend).build();
        Document s3 = new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                .data("s3://bucket/a.png").build(), Map.of());
        Document jar = ImageDocuments.of(URI.create("jar:file:/app.jar!/a.png"), "a");

        assertThatThrownBy(() -> onBackend.call(new DocumentEmbeddingRequest(new Document("ok"), s3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Input 1: image URL 's3:");
        assertThatThrownBy(() -> onBackend.call(new DocumentEmbeddingRequest(jar)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Input 0: image URL 'jar:");
    }
}
