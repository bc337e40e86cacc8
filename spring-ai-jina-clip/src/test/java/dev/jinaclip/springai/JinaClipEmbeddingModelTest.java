package dev.jinaclip.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipUsage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.BatchingStrategy;
import org.springframework.util.MimeTypeUtils;

/** The text model: what it asks the engine, and what it makes of the answer. */
class JinaClipEmbeddingModelTest {

    private final FakeClipEngine engine = new FakeClipEngine();
    private final JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(engine).build();

    @Test
    void should_embed_texts_indexed_from_zero_in_input_order() {
        // when
        EmbeddingResponse response = model.call(new EmbeddingRequest(List.of("a", "bb", "ccc"), null));

        // then
        assertThat(response.getResults()).extracting(e -> e.getIndex()).containsExactly(0, 1, 2);
        assertThat(response.getResults()).extracting(e -> e.getOutput()[2]).containsExactly(1f, 2f, 3f);
        assertThat(engine.calls).hasSize(1);
        assertThat(engine.inputs()).containsExactly(ClipInput.text("a"), ClipInput.text("bb"), ClipInput.text("ccc"));
    }

    @Test
    void should_report_model_name_and_usage_in_the_response_metadata() {
        // when
        EmbeddingResponse response = model.call(new EmbeddingRequest(List.of("a", "b"), null));

        // then
        assertThat(response.getMetadata().getModel()).isEqualTo("jina-clip-v1");
        assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(4);
        assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(4);
        assertThat(response.getMetadata().getUsage().getCompletionTokens()).isZero();
        assertThat(response.getMetadata().containsKey("image_tokens")).isFalse();
        assertThat(response.getMetadata().getUsage().getNativeUsage()).isEqualTo(new ClipUsage(4, 4, null));
    }

    @Test
    void should_report_image_tokens_when_the_backend_does() {
        // given
        Document image = ImageDocuments.of(URI.create("https://img.example/red.png"), "red");

        // when
        EmbeddingResponse response = JinaClipDocumentEmbeddingModel.builder(engine).build()
                .call(new org.springframework.ai.embedding.DocumentEmbeddingRequest(image));

        // then
        assertThat((Integer) response.getMetadata().get("image_tokens")).isEqualTo(10);
    }

    @Test
    void should_know_its_dimensions_without_embedding_anything() {
        // when
        int dimensions = model.dimensions();

        // then
        assertThat(dimensions).isEqualTo(4);
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void should_embed_a_text_document_without_its_metadata_by_default() {
        // given
        Document document = new Document("a red bicycle", Map.of("source", "catalogue.pdf"));

        // when
        model.embed(document);

        // then
        assertThat(engine.inputs()).containsExactly(ClipInput.text("a red bicycle"));
        assertThat(model.getEmbeddingContent(document)).isEqualTo("a red bicycle");
    }

    @Test
    void should_embed_metadata_with_the_text_when_asked() {
        // given
        JinaClipEmbeddingModel withMetadata = JinaClipEmbeddingModel.builder(engine)
                .metadataMode(MetadataMode.EMBED).build();

        // when
        withMetadata.embed(new Document("a red bicycle", Map.of("source", "catalogue.pdf")));

        // then
        assertThat(((ClipInput.Text) engine.inputs().get(0)).text()).contains("source: catalogue.pdf")
                .contains("a red bicycle");
    }

    @Test
    void should_embed_a_media_document_as_an_image() {
        // given
        Document document = new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                .data(URI.create("https://img.example/red.png")).build(), Map.of());

        // when
        float[] vector = model.embed(document);

        // then
        assertThat(vector[1]).isEqualTo(1f);
        assertThat(engine.inputs()).containsExactly(ClipInput.imageUrl(URI.create("https://img.example/red.png")));
        assertThat(model.getEmbeddingContent(document)).isNull();
    }

    @Test
    void should_embed_an_image_document_as_its_image_not_its_caption() {
        // given
        Document document = ImageDocuments.of(URI.create("file:///photos/red.png"), "Photo of a red bike");

        // when
        model.embed(document);

        // then
        assertThat(engine.inputs()).containsExactly(ClipInput.imageUrl(URI.create("file:///photos/red.png")));
        assertThat(model.getEmbeddingContent(document)).isNull();
    }

    @Test
    void should_embed_documents_in_the_strategys_batches_and_in_order() {
        // given
        List<Document> documents = List.of(new Document("one"),
                ImageDocuments.of(URI.create("https://img.example/two.png"), "two"), new Document("three"));
        BatchingStrategy firstAlone = docs -> List.of(docs.subList(0, 1), docs.subList(1, docs.size()));

        // when
        List<float[]> vectors = model.embed(documents, EmbeddingOptions.builder().build(), firstAlone);

        // then
        assertThat(vectors).hasSize(3);
        assertThat(vectors.get(0)).containsExactly(0f, 0f, 3f, 1f);
        assertThat(vectors.get(1)).containsExactly(0f, 1f, 0f, 1f);
        assertThat(vectors.get(2)).containsExactly(1f, 0f, 5f, 1f);
        assertThat(engine.calls).hasSize(2);
    }

    @Test
    void should_accept_options_that_repeat_the_configured_model_and_dimensions() {
        // given
        EmbeddingOptions same = EmbeddingOptions.builder().model("jina-clip-v1").dimensions(4).build();

        // when
        EmbeddingResponse response = model.call(new EmbeddingRequest(List.of("a"), same));

        // then
        assertThat(response.getResults()).hasSize(1);
    }

    @Test
    void should_reject_options_asking_for_another_model_or_dimension() {
        // given
        EmbeddingOptions otherModel = EmbeddingOptions.builder().model("jina-clip-v2").build();
        EmbeddingOptions otherDimensions = EmbeddingOptions.builder().dimensions(512).build();

        // then
        assertThatThrownBy(() -> model.call(new EmbeddingRequest(List.of("a"), otherModel)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spring.ai.jina-clip.model");
        assertThatThrownBy(() -> model.call(new EmbeddingRequest(List.of("a"), otherDimensions)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spring.ai.jina-clip.dimensions");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void should_answer_an_empty_request_without_calling_the_backend() {
        // when
        EmbeddingResponse response = model.call(new EmbeddingRequest(List.of(), null));

        // then
        assertThat(response.getResults()).isEmpty();
        assertThat(response.getMetadata().getModel()).isEqualTo("jina-clip-v1");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void should_reject_a_null_text_naming_its_position() {
        // given
        List<String> texts = java.util.Arrays.asList("a", null);

        // then
        assertThatThrownBy(() -> model.call(new EmbeddingRequest(texts, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: text is null");
    }

    @Test
    void should_embed_single_strings_through_spring_ais_defaults() {
        // when
        float[] vector = model.embed("hello");
        List<float[]> vectors = model.embed(List.of("a", "b"));

        // then
        assertThat(vector).containsExactly(0f, 0f, 5f, 1f);
        assertThat(vectors).hasSize(2);
    }
}
