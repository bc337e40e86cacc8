package dev.jinaclip.api.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A validated input, ready to be put into a request. File contents are read only when the request that
 * carries them is built, so a large ingestion never holds every image in memory at once.
 */
public abstract sealed class PreparedInput {

    private final int position;

    private PreparedInput(int position) {
        this.position = position;
    }

    /** Position in the caller's input list. */
    public int position() {
        return position;
    }

    /** Encoded image bytes this input adds to a request; 0 for texts and URLs. */
    public abstract long imageBytes();

    /** The value for the request: the text, the image URL, or raw base64 of the image. */
    public abstract String wireValue();

    /** Whether this is an image. */
    public abstract boolean isImage();

    static PreparedInput text(int position, String text) {
        return new TextInput(position, text);
    }

    static PreparedInput imageUrl(int position, String url) {
        return new ImageValue(position, url, 0);
    }

    static PreparedInput imageBase64(int position, String base64, long decodedBytes) {
        return new ImageValue(position, base64, decodedBytes);
    }

    static PreparedInput imageBytes(int position, byte[] bytes) {
        return new ImageBytesInput(position, bytes);
    }

    static PreparedInput imageFile(int position, Path path, long size) {
        return new ImageFileInput(position, path, size);
    }

    static final class TextInput extends PreparedInput {
        private final String text;

        private TextInput(int position, String text) {
            super(position);
            this.text = text;
        }

        @Override
        public long imageBytes() {
            return 0;
        }

        @Override
        public String wireValue() {
            return text;
        }

        @Override
        public boolean isImage() {
            return false;
        }
    }

    static final class ImageValue extends PreparedInput {
        private final String value;
        private final long bytes;

        private ImageValue(int position, String value, long bytes) {
            super(position);
            this.value = value;
            this.bytes = bytes;
        }

        @Override
        public long imageBytes() {
            return bytes;
        }

        @Override
        public String wireValue() {
            return value;
        }

        @Override
        public boolean isImage() {
            return true;
        }
    }

    static final class ImageBytesInput extends PreparedInput {
        private final byte[] bytes;

        private ImageBytesInput(int position, byte[] bytes) {
            super(position);
            this.bytes = bytes;
        }

        @Override
        public long imageBytes() {
            return bytes.length;
        }

        @Override
        public String wireValue() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        @Override
        public boolean isImage() {
            return true;
        }
    }

    static final class ImageFileInput extends PreparedInput {
        private final Path path;
        private final long size;

        private ImageFileInput(int position, Path path, long size) {
            super(position);
            this.path = path;
            this.size = size;
        }

        @Override
        public long imageBytes() {
            return size;
        }

        @Override
        public String wireValue() {
            try {
                return Base64.getEncoder().encodeToString(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException("Input " + position() + ": cannot read image file " + path, e);
            }
        }

        @Override
        public boolean isImage() {
            return true;
        }
    }
}
