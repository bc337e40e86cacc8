package dev.jinaclip.rag.retrieval;

import static dev.jinaclip.rag.ByteSizes.human;

import org.springframework.util.unit.DataSize;

/** Checks an uploaded query image before it is embedded: present, within the size limit, and an image format. */
final class ImageUploads {

    private ImageUploads() {
    }

    /**
     * The media type of an acceptable upload, from its first bytes (the file name and declared type are not
     * trusted).
     *
     * @throws InvalidSearchException if it is empty, too large, or not JPEG, PNG, WebP or GIF
     */
    static String mediaType(byte[] bytes, DataSize limit) {
        if (bytes.length == 0) {
            throw new InvalidSearchException("The upload is empty: choose a JPEG, PNG, WebP or GIF image.");
        }
        if (bytes.length > limit.toBytes()) {
            throw new InvalidSearchException("The upload is " + human(bytes.length) + ", larger than the limit of "
                    + human(limit.toBytes()) + " (rag.upload-max-size).");
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        throw new InvalidSearchException("The upload is not an image: search by a JPEG, PNG, WebP or GIF file.");
    }

    private static boolean startsWith(byte[] bytes, int offset, int... prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[offset + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
