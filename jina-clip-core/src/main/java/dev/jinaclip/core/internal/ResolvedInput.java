package dev.jinaclip.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * A validated input, ready for a backend: a text, an image at a remote URL, or image data. File contents are
 * read only when asked for, so a large ingestion never holds every image in memory at once.
 */
public abstract sealed class ResolvedInput {

    private final int position;

    private ResolvedInput(int position) {
        this.position = position;
    }

    /**
     * Image data for the input at {@code position}, already checked: for a backend that replaces an input's image
     * with another encoding of it.
     */
    public static ImageData imageData(int position, byte[] bytes) {
        return new BytesImage(position, bytes);
    }

    /** Position in the caller's input list. */
    public int position() {
        return position;
    }

    /** Whether this is an image. */
    public abstract boolean isImage();

    /** Encoded image bytes this input holds (known without reading files); 0 for texts and remote URLs. */
    public abstract long imageBytes();

    /** The hosted API's value: the text, the image URL, or raw base64 of the image. */
    public abstract String wireValue();

    public static final class Text extends ResolvedInput {
        private final String text;

        Text(int position, String text) {
            super(position);
            this.text = text;
        }

        public String text() {
            return text;
        }

        @Override
        public boolean isImage() {
            return false;
        }

        @Override
        public long imageBytes() {
            return 0;
        }

        @Override
        public String wireValue() {
            return text;
        }
    }

    /** An image at an {@code http(s)} URL, fetched by whoever embeds it. */
    public static final class RemoteImage extends ResolvedInput {
        private final String url;

        RemoteImage(int position, String url) {
            super(position);
            this.url = url;
        }

        public String url() {
            return url;
        }

        @Override
        public boolean isImage() {
            return true;
        }

        @Override
        public long imageBytes() {
            return 0;
        }

        @Override
        public String wireValue() {
            return url;
        }
    }

    /** Encoded image data (JPEG, PNG, ...), from base64, bytes or a file. */
    public abstract static sealed class ImageData extends ResolvedInput {
        private ImageData(int position) {
            super(position);
        }

        @Override
        public boolean isImage() {
            return true;
        }

        /**
         * The encoded image.
         *
         * @throws UncheckedIOException if a file can no longer be read; the message names the input and the file
         */
        public abstract byte[] bytes();

        /** The file the image is read from, if it comes from one: for reading a part of it only. */
        public Optional<Path> file() {
            return Optional.empty();
        }

        @Override
        public String wireValue() {
            return Base64.getEncoder().encodeToString(bytes());
        }
    }

    static final class Base64Image extends ImageData {
        private final String base64;
        private final long size;

        Base64Image(int position, String base64, long size) {
            super(position);
            this.base64 = base64;
            this.size = size;
        }

        @Override
        public long imageBytes() {
            return size;
        }

        @Override
        public byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }

        @Override
        public String wireValue() {
            return base64;
        }
    }

    static final class BytesImage extends ImageData {
        private final byte[] bytes;

        BytesImage(int position, byte[] bytes) {
            super(position);
            this.bytes = bytes;
        }

        @Override
        public long imageBytes() {
            return bytes.length;
        }

        @Override
        public byte[] bytes() {
            return bytes;
        }
    }

    static final class FileImage extends ImageData {
        private final Path path;
        private final long size;

        FileImage(int position, Path path, long size) {
            super(position);
            this.path = path;
            this.size = size;
        }

        @Override
        public long imageBytes() {
            return size;
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(path);
        }

        @Override
        public byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(InputErrors.message(position(), "cannot read image file " + path), e);
            }
        }
    }
}
