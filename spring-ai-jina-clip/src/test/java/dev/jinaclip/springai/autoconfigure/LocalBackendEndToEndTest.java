package dev.jinaclip.springai.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.springai.ImageDocuments;
import dev.jinaclip.springai.JinaClipDocumentEmbeddingModel;
import dev.jinaclip.testing.Fixtures;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.MimeTypeUtils;

/**
 * A Spring Boot application on the local backend, configured by properties only, with the small "semantic" ONNX
 * fixture of jina-clip-testing (colour words near solid-colour images): texts and images go into Spring AI's SimpleVectorStore, and
 * a text query finds the matching image first.
 */
@SpringBootTest(properties = {"spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.intra-op-threads=1"})
class LocalBackendEndToEndTest {

    @TempDir
    static Path dir;

    @Autowired
    VectorStore vectorStore;

    @Autowired
    EmbeddingModel embeddingModel;

    @Autowired
    JinaClipDocumentEmbeddingModel documentEmbeddingModel;

    @Autowired
    ClipEngine engine;

    @DynamicPropertySource
    static void modelDirectory(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.jina-clip.onnx.model-directory", () -> Fixtures.model("semantic"));
    }

    @Test
    void should_find_the_matching_image_document_first_for_a_text_query() throws IOException {
        // given: two texts and three images in one store
        vectorStore.add(List.of(
                new Document("t-cat", "a photo of a cat", Map.of("kind", "text")),
                new Document("t-weather", "the weather report for tomorrow", Map.of("kind", "text")),
                ImageDocuments.of("i-red", image("red.png", Color.RED).toUri(), "red square", Map.of("kind", "image")),
                ImageDocuments.of("i-green", image("green.png", Color.GREEN).toUri(), "green square",
                        Map.of("kind", "image")),
                ImageDocuments.of("i-blue", image("blue.png", Color.BLUE).toUri(), "blue square",
                        Map.of("kind", "image"))));

        // when
        List<Document> red = vectorStore.similaritySearch(SearchRequest.builder().query("a red apple").topK(3).build());
        List<Document> blue = vectorStore.similaritySearch(SearchRequest.builder().query("the blue sky").topK(1).build());

        // then
        assertThat(red).extracting(Document::getId).first().isEqualTo("i-red");
        assertThat(red.get(0).getText()).isEqualTo("red square");
        assertThat(red.get(0).getMetadata()).containsEntry("kind", "image")
                .containsKey(ImageDocuments.IMAGE_URL);
        assertThat(red.get(0).getScore()).isGreaterThan(0.95);
        assertThat(blue).extracting(Document::getId).containsExactly("i-blue");
    }

    @Test
    void should_embed_image_media_with_the_document_model_near_the_matching_word() throws IOException {
        // given
        byte[] yellow = Fixtures.solidPng(Color.YELLOW, 32, 24);
        Document image = new Document("y", Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(yellow).build(),
                Map.of());

        // when
        EmbeddingResponse response = documentEmbeddingModel.call(new DocumentEmbeddingRequest(image,
                new Document("yellow"), new Document("black")));

        // then
        float[] picture = response.getResults().get(0).getOutput();
        assertThat(Fixtures.cosine(picture, response.getResults().get(1).getOutput())).isGreaterThan(0.95);
        assertThat(Fixtures.cosine(picture, response.getResults().get(2).getOutput())).isLessThan(0.1);
        assertThat(embeddingModel.dimensions()).isEqualTo(768);
    }

    @Test
    void should_let_other_code_inject_the_same_engine() {
        assertThat(engine).isInstanceOf(JinaClipOnnxEngine.class);
        assertThat(Fixtures.cosine(engine.embed(List.of(ClipInput.text("red"))).vectors().get(0),
                embeddingModel.embed("red"))).isGreaterThan(0.9999);
    }

    private static Path image(String name, Color color) throws IOException {
        return Files.write(dir.resolve(name), Fixtures.solidPng(color, 40, 30));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
        @Bean
        SimpleVectorStore vectorStore(EmbeddingModel embeddingModel) {
            return SimpleVectorStore.builder(embeddingModel).build();
        }
    }
}
