package dev.jinaclip.image.internal;

import dev.jinaclip.image.ImageDecodingException;

/**
 * Length checks on container formats whose readers do not notice missing data.
 *
 * <p>TwelveMonkeys' WebP reader decodes a truncated lossless (VP8L) bitstream without complaint and returns an
 * image whose missing part is black. A WebP file is a RIFF container whose header declares its length, so a file
 * shorter than it declares is rejected here, before decoding.
 */
final class ContainerCheck {

    private ContainerCheck() {
    }

    /** @throws ImageDecodingException if {@code data} is a WebP file shorter than its RIFF header declares */
    static void checkLength(byte[] data) {
        if (data.length >= 12 && ascii(data, 0, "RIFF") && ascii(data, 8, "WEBP")) {
            long declared = 8 + ((data[4] & 0xFFL) | (data[5] & 0xFFL) << 8 | (data[6] & 0xFFL) << 16
                    | (data[7] & 0xFFL) << 24);
            if (declared > data.length) {
                throw new ImageDecodingException("truncated webp image: its RIFF header declares " + declared
                        + " bytes but only " + data.length + " are present");
            }
        }
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (data[offset + i] != (byte) text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
