package dev.jinaclip.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import java.net.URI;
import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResultMetadata;
import org.springframework.ai.embedding.EmbeddingResultMetadata.ModalityType;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/** The multimodal model: one embedding per document, text or image, with the document's identity. */
class JinaClipDocumentEmbeddingModelTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG);

    private final FakeClipEngine engine = new FakeClipEngine();
    private final JinaClipDocumentEmbeddingModel model = JinaClipDocumentEmbeddingModel.builder(engine).build();

    @Test
    void should_give_one_embedding_per_document_with_its_id_and_modality() {
        // given
        Document text = new Document("t1", "a red bicycle", Map.of());
        Media media = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(PNG).build();
        Document image = new Document("i1", media, Map.of());

        // when
        EmbeddingResponse response = model.call(new DocumentEmbeddingRequest(text, image));

        // then
        assertThat(response.getResults()).extracting(e -> e.getIndex()).containsExactly(0, 1);
        EmbeddingResultMetadata first = response.getResults().get(0).getMetadata();
        assertThat(first.getDocumentId()).isEqualTo("t1");
        assertThat(first.getModalityType()).isEqualTo(ModalityType.TEXT);
        assertThat(first.getMimeType()).isEqualTo(MimeTypeUtils.TEXT_PLAIN);
        assertThat(first.getDocumentData()).isEqualTo("a red bicycle");
        EmbeddingResultMetadata second = response.getResults().get(1).getMetadata();
        assertThat(second.getDocumentId()).isEqualTo("i1");
        assertThat(second.getModalityType()).isEqualTo(ModalityType.IMAGE);
        assertThat(second.getMimeType()).isEqualTo(MimeTypeUtils.IMAGE_PNG);
        assertThat(response.getMetadata().getModel()).isEqualTo("jina-clip-v1");
        assertThat(model.dimensions()).isEqualTo(4);
    }

    @Test
    void should_send_image_bytes_and_resources_as_bytes() {
        // given
        Document bytes = new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(PNG).build(), Map.of());
        Document resource = new Document(new Media(MimeTypeUtils.IMAGE_JPEG, new ByteArrayResource(PNG)), Map.of());

        // when
        model.call(new DocumentEmbeddingRequest(bytes, resource));

        // then
        assertThat(engine.inputs()).containsExactly(ClipInput.imageBytes(PNG), ClipInput.imageBytes(PNG));
    }

    @Test
    void should_send_image_urls_given_as_url_uri_or_string() throws Exception {
        // given
        MimeType png = MimeTypeUtils.IMAGE_PNG;
        List<Document> documents = List.of(
                new Document(Media.builder().mimeType(png).data(new URL("https://img.example/a.png")).build(), Map.of()),
                new Document(new Media(png, URI.create("file:///photos/b.png")), Map.of()),
                new Document(Media.builder().mimeType(png).data("https://img.example/c.png").build(), Map.of()),
                new Document(Media.builder().mimeType(png).data("data:image/png;base64," + PNG_BASE64).build(),
                        Map.of()),
                new Document(Media.builder().mimeType(png).data(PNG_BASE64).build(), Map.of()));

        // when
        model.call(new DocumentEmbeddingRequest(documents));

        // then
        assertThat(engine.inputs()).containsExactly(
                ClipInput.imageUrl(URI.create("https://img.example/a.png")),
                ClipInput.imageUrl(URI.create("file:///photos/b.png")),
                ClipInput.imageUrl(URI.create("https://img.example/c.png")),
                ClipInput.imageUrl(URI.create("data:image/png;base64," + PNG_BASE64)),
                ClipInput.imageBase64(PNG_BASE64));
    }

    @Test
    void should_embed_an_image_document_and_report_its_url() {
        // given
        Document document = ImageDocuments.of("img-1", URI.create("https://img.example/red.png"), "red",
                Map.of("colour", "red"));

        // when
        EmbeddingResponse response = model.call(new DocumentEmbeddingRequest(document));

        // then
        EmbeddingResultMetadata metadata = response.getResult().getMetadata();
        assertThat(metadata.getDocumentId()).isEqualTo("img-1");
        assertThat(metadata.getModalityType()).isEqualTo(ModalityType.IMAGE);
        assertThat(metadata.getDocumentData()).isEqualTo("https://img.example/red.png");
        assertThat(document.getText()).isEqualTo("red");
        assertThat(document.getMetadata()).containsEntry("colour", "red");
    }

    @Test
    void should_reject_media_that_is_not_an_image_naming_its_position() {
        // given
        Document video = new Document(Media.builder().mimeType(MimeType.valueOf("video/mp4"))
                .data("https://v.example/a.mp4").build(), Map.of());

        // then
        assertThatThrownBy(() -> model.call(new DocumentEmbeddingRequest(new Document("ok"), video)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 1: media type video/mp4");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void should_embed_text_documents_as_text() {
        // when
        model.call(new DocumentEmbeddingRequest(new Document("hello")));

        // then
        assertThat(engine.inputs()).containsExactly(ClipInput.text("hello"));
    }
}
