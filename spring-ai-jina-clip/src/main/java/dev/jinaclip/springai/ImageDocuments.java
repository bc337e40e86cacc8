package dev.jinaclip.springai;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.document.Document;

/**
 * Images as text {@link Document}s, so that Spring AI vector stores can hold them.
 *
 * <p>Spring AI 2.0.1's vector stores accept text documents only ({@code VectorStore.add} rejects a document with
 * media: "Only text documents are supported for now"). An image document made here is a text document (its
 * caption) whose metadata entry {@value #IMAGE_URL} names the image. {@link JinaClipEmbeddingModel} and
 * {@link JinaClipDocumentEmbeddingModel} embed the image, not the caption, so a text query finds it; the store
 * keeps and returns the caption and the metadata, URL included.
 *
 * <pre>{@code
 * vectorStore.add(List.of(
 *         new Document("Bikes can be rented at the station."),
 *         ImageDocuments.of(URI.create("https://example.com/bike.jpg"), "Photo of a red city bike")));
 * List<Document> hits = vectorStore.similaritySearch("a red bicycle");
 * }</pre>
 *
 * <p>The model reads the image the entry names: {@code http(s)} URLs are fetched (by the Jina API, or by the
 * local backend), {@code file:} URLs are read from the local disk, {@code data:} URLs carry the image inline.
 * Set the entry only on documents you trust, and remove it from metadata that comes from untrusted input.
 *
 * @since 0.1.0
 */
public final class ImageDocuments {

    /** The metadata key naming the image to embed instead of the document's text. */
    public static final String IMAGE_URL = "jina_clip_image_url";

    private ImageDocuments() {
    }

    /**
     * An image document with a random id.
     *
     * @param imageUrl the image: an {@code http(s)}, {@code file:} or {@code data:} URL
     * @param caption  the text the store keeps and returns; {@code null} for the URL itself (or "image" for a
     *                 {@code data:} URL)
     */
    public static Document of(URI imageUrl, @Nullable String caption) {
        return build(null, imageUrl, caption, Map.of());
    }

    /**
     * An image document.
     *
     * @param id       the document id
     * @param imageUrl the image: an {@code http(s)}, {@code file:} or {@code data:} URL
     * @param caption  the text the store keeps and returns; {@code null} for the URL itself
     * @param metadata more metadata; {@value #IMAGE_URL} is added to a copy
     */
    public static Document of(String id, URI imageUrl, @Nullable String caption, Map<String, Object> metadata) {
        return build(Objects.requireNonNull(id, "id"), imageUrl, caption, metadata);
    }

    /** Whether the document names an image to embed in {@value #IMAGE_URL}. */
    public static boolean isImageDocument(Document document) {
        return document.getMetadata().get(IMAGE_URL) != null;
    }

    /**
     * The image a document names in {@value #IMAGE_URL}, if any.
     *
     * @throws IllegalArgumentException if the entry is not a URI
     */
    public static Optional<URI> imageUrl(Document document) {
        Object value = document.getMetadata().get(IMAGE_URL);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof URI uri) {
            return Optional.of(uri);
        }
        try {
            return Optional.of(URI.create(value.toString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Document " + document.getId() + ": metadata " + IMAGE_URL
                    + " is not a URL", e);
        }
    }

    private static Document build(@Nullable String id, URI imageUrl, @Nullable String caption,
            Map<String, Object> metadata) {
        Objects.requireNonNull(imageUrl, "imageUrl");
        Map<String, Object> all = new HashMap<>(Objects.requireNonNull(metadata, "metadata"));
        all.put(IMAGE_URL, imageUrl.toString());
        String text = caption != null ? caption
                : "data".equalsIgnoreCase(imageUrl.getScheme()) ? "image" : imageUrl.toString();
        Document.Builder builder = Document.builder().text(text).metadata(all);
        if (id != null) {
            builder.id(id);
        }
        return builder.build();
    }
}
