package dev.jinaclip.springai;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.internal.InputErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingResultMetadata;
import org.springframework.ai.embedding.EmbeddingResultMetadata.ModalityType;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The one place where Spring AI content becomes the engine's {@link ClipInput}: a {@link Document}'s text, its
 * image {@link Media} (bytes, a {@code Resource} read into bytes, a {@link URL}, or a URL or base64 string), or an
 * image named by {@link ImageDocuments#IMAGE_URL}. Which URL schemes are accepted is the engine's decision.
 */
final class ClipDocuments {

    private static final MimeType IMAGE_ANY = MimeTypeUtils.parseMimeType("image/*");

    private ClipDocuments() {
    }

    /**
     * What jina-clip embeds for {@code document}: its image, if it has image media or an {@code IMAGE_URL}
     * metadata entry; else its text, formatted with {@code metadataMode}.
     *
     * @throws IllegalArgumentException naming {@code position} if the document is null or its media is not an image
     */
    static ClipInput input(@Nullable Document document, MetadataMode metadataMode, int position) {
        if (document == null) {
            throw InputErrors.invalid(position, "document is null");
        }
        Media media = document.getMedia();
        if (media != null) {
            return image(media, position);
        }
        URI imageUrl;
        try {
            imageUrl = ImageDocuments.imageUrl(document).orElse(null);
        } catch (IllegalArgumentException e) {
            throw InputErrors.invalid(position, "metadata " + ImageDocuments.IMAGE_URL + " is not a URL", e);
        }
        return imageUrl != null ? ClipInput.imageUrl(imageUrl) : ClipInput.text(text(document, metadataMode));
    }

    /** The text embedded for a text document. */
    static String text(Document document, MetadataMode metadataMode) {
        return metadataMode == MetadataMode.NONE ? Objects.requireNonNull(document.getText(), "text")
                : document.getFormattedContent(metadataMode);
    }

    /** What a result's metadata says about the document it came from. */
    static EmbeddingResultMetadata resultMetadata(Document document) {
        Media media = document.getMedia();
        if (media != null) {
            return new EmbeddingResultMetadata(document.getId(), ModalityType.IMAGE, media.getMimeType(),
                    media.getData());
        }
        URI imageUrl = ImageDocuments.imageUrl(document).orElse(null);
        if (imageUrl != null) {
            return new EmbeddingResultMetadata(document.getId(), ModalityType.IMAGE, IMAGE_ANY, imageUrl.toString());
        }
        return new EmbeddingResultMetadata(document.getId(), ModalityType.TEXT, MimeTypeUtils.TEXT_PLAIN,
                document.getText());
    }

    /**
     * The engine's input for a Spring AI {@link Media}.
     *
     * @throws IllegalArgumentException naming {@code position} if the media is not an image, or its data is neither
     *                                  bytes nor a URL nor base64
     */
    static ClipInput image(Media media, int position) {
        MimeType mimeType = media.getMimeType();
        if (!IMAGE_ANY.includes(mimeType)) {
            throw InputErrors.invalid(position, "media type " + mimeType
                    + " is not supported; jina-clip embeds texts and images (image/*)");
        }
        Object data = media.getData();
        if (data instanceof byte[] bytes) {
            return ClipInput.imageBytes(bytes);
        }
        if (data instanceof URL url) {
            try {
                return ClipInput.imageUrl(url.toURI());
            } catch (URISyntaxException e) {
                throw InputErrors.invalid(position, "image URL is malformed", e);
            }
        }
        if (data instanceof String string) {
            URI uri = asUrl(string);
            return uri != null ? ClipInput.imageUrl(uri) : ClipInput.imageBase64(string);
        }
        throw InputErrors.invalid(position, "media data of type "
                + data.getClass().getName() + " is not supported; use bytes, a Resource, a URL or a URL string");
    }

    /** The string as a URL if it starts with a scheme (which base64 cannot: it has no colon), else {@code null}. */
    private static @Nullable URI asUrl(String string) {
        int colon = string.indexOf(':');
        if (colon < 1 || !string.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return null;
        }
        try {
            return new URI(string);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
