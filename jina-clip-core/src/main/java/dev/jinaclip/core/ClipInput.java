package dev.jinaclip.core;

import dev.jinaclip.core.internal.ImageUrls;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One thing to embed: a text or an image, in a form that every jina-clip backend understands.
 *
 * <p>Framework-neutral: the LangChain4j and Spring AI adapters map their own content types onto these.
 * Factories reject {@code null}; whether a value is acceptable (blank text, unreadable file, oversized
 * image) is decided by the backend, which reports the input's position.
 */
public sealed interface ClipInput {

    /** A text to embed. */
    static ClipInput text(String text) {
        return new Text(Objects.requireNonNull(text, "text"));
    }

    /** An image referenced by URL: {@code http(s)} (fetched by whoever embeds it), {@code file:} or {@code data:}. */
    static ClipInput imageUrl(URI url) {
        return new ImageUrl(Objects.requireNonNull(url, "url"));
    }

    /** An image file on the local file system. */
    static ClipInput imageFile(Path path) {
        return new ImageFile(Objects.requireNonNull(path, "path"));
    }

    /** An encoded image (JPEG, PNG, ...) given as base64, with or without a {@code data:} URI prefix. */
    static ClipInput imageBase64(String base64) {
        return new ImageBase64(Objects.requireNonNull(base64, "base64"));
    }

    /** An encoded image (JPEG, PNG, ...) given as bytes; the array is copied. */
    static ClipInput imageBytes(byte[] bytes) {
        return new ImageBytes(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** Whether this input is an image rather than a text. */
    default boolean isImage() {
        return !(this instanceof Text);
    }

    /**
     * How listeners, observations and logs show this input, never with image data: the text itself, or
     * {@code [image] <url>}, {@code [image] data URI, <n> chars}, {@code [image] file <path>},
     * {@code [image] base64, <n> chars}, {@code [image] <n> bytes}.
     */
    default String describe() {
        if (this instanceof Text text) {
            return text.text();
        }
        if (this instanceof ImageUrl image) {
            String url = image.url().toString();
            return "data".equalsIgnoreCase(image.url().getScheme()) ? "[image] data URI, " + url.length() + " chars"
                    : "[image] " + ImageUrls.redacted(url);
        }
        if (this instanceof ImageFile image) {
            return "[image] file " + image.path();
        }
        if (this instanceof ImageBase64 image) {
            return "[image] base64, " + image.base64().length() + " chars";
        }
        return "[image] " + ((ImageBytes) this).bytes.length + " bytes";
    }

    /** A text input. */
    record Text(String text) implements ClipInput {
        @Override
        public String toString() {
            return "Text[" + text.length() + " chars]";
        }
    }

    /** An image by URL. */
    record ImageUrl(URI url) implements ClipInput {
        @Override
        public String toString() {
            // data: URIs carry the whole image, and a URL's user info and query may carry credentials
            return "data".equalsIgnoreCase(url.getScheme()) ? "ImageUrl[data: URI]"
                    : "ImageUrl[" + ImageUrls.redacted(url.toString()) + "]";
        }
    }

    /** An image file. */
    record ImageFile(Path path) implements ClipInput {
    }

    /** An image as base64 text. */
    record ImageBase64(String base64) implements ClipInput {
        @Override
        public String toString() {
            return "ImageBase64[" + base64.length() + " chars]";
        }
    }

    /** An image as bytes. */
    record ImageBytes(byte[] bytes) implements ClipInput {
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ImageBytes that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "ImageBytes[" + bytes.length + " bytes]";
        }
    }
}
