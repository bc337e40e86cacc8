package dev.jinaclip.springai;

import dev.jinaclip.core.internal.InputErrors;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingResultMetadata;
import org.springframework.ai.embedding.EmbeddingResultMetadata.ModalityType;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The one place where Spring AI content becomes LangChain4j content: a {@link Document}'s text, its image
 * {@link Media} (bytes, a {@code Resource} read into bytes, a {@link URL}, or a URL or base64 string), or an image
 * named by {@link ImageDocuments#IMAGE_URL}.
 */
final class ClipContents {

    /** URL schemes an image may be given by: fetched (http, https), read locally (file) or inline (data). */
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https", "file", "data");
    private static final MimeType IMAGE_ANY = MimeTypeUtils.parseMimeType("image/*");

    private ClipContents() {
    }

    /**
     * What jina-clip embeds for {@code document}: its image, if it has image media or an {@code IMAGE_URL}
     * metadata entry; else its text, formatted with {@code metadataMode}.
     *
     * @throws IllegalArgumentException naming {@code position} if the document's media is not a usable image
     */
    static Content of(Document document, MetadataMode metadataMode, int position) {
        if (document == null) {
            throw InputErrors.invalid(position, "document is null");
        }
        Media media = document.getMedia();
        if (media != null) {
            return ImageContent.from(image(media, position));
        }
        URI imageUrl;
        try {
            imageUrl = ImageDocuments.imageUrl(document).orElse(null);
        } catch (IllegalArgumentException e) {
            throw InputErrors.invalid(position, "metadata " + ImageDocuments.IMAGE_URL + " is not a URL", e);
        }
        if (imageUrl != null) {
            return ImageContent.from(Image.builder().url(checkedUrl(imageUrl, position)).build());
        }
        return TextContent.from(text(document, metadataMode));
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

    /** A short description of an input for observations: never image data. */
    static String describe(Content content) {
        if (content instanceof TextContent text) {
            return text.text();
        }
        Image image = ((ImageContent) content).image();
        if (image.url() != null && !"data".equalsIgnoreCase(image.url().getScheme())) {
            return "[image] " + image.url();
        }
        return "[image]";
    }

    /**
     * The LangChain4j image for a Spring AI {@link Media}.
     *
     * @throws IllegalArgumentException if the media is not an image, or its data is neither bytes nor a URL of
     *                                  a supported scheme (http, https, file, data) nor base64
     */
    static Image image(Media media, int position) {
        MimeType mimeType = media.getMimeType();
        if (!IMAGE_ANY.includes(mimeType)) {
            throw InputErrors.invalid(position, "media type " + mimeType
                    + " is not supported; jina-clip embeds texts and images (image/*)");
        }
        Object data = media.getData();
        if (data instanceof byte[] bytes) {
            return base64Image(Base64.getEncoder().encodeToString(bytes), mimeType);
        }
        if (data instanceof URL url) {
            try {
                return Image.builder().url(checkedUrl(url.toURI(), position)).mimeType(mimeType.toString()).build();
            } catch (URISyntaxException e) {
                throw InputErrors.invalid(position, "image URL is malformed", e);
            }
        }
        if (data instanceof String string) {
            URI uri = asUrl(string);
            return uri != null
                    ? Image.builder().url(checkedUrl(uri, position)).mimeType(mimeType.toString()).build()
                    : base64Image(string, mimeType);
        }
        throw InputErrors.invalid(position, "media data of type "
                + data.getClass().getName() + " is not supported; use bytes, a Resource, a URL or a URL string");
    }

    private static Image base64Image(String base64, MimeType mimeType) {
        return Image.builder().base64Data(base64).mimeType(mimeType.toString()).build();
    }

    /** The string as a URL if it has a scheme (other than a base64 payload's characters), else {@code null}. */
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

    private static URI checkedUrl(URI url, int position) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!IMAGE_SCHEMES.contains(scheme)) {
            throw InputErrors.invalid(position, "image URL scheme '" + scheme
                    + "' is not supported; use http, https, file or data, or pass the image's bytes");
        }
        return url;
    }
}
