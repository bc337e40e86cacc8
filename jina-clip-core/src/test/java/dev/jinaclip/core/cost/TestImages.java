package dev.jinaclip.core.cost;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Encoded test images: made here, or copied from jina-clip-onnx's image fixtures ({@code images/}). */
final class TestImages {

    private TestImages() {
    }

    /** A {@code width}×{@code height} image in {@code format} ({@code png}, {@code jpeg}, {@code gif}, {@code bmp}). */
    static byte[] encoded(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A baseline JPEG whose frame header (SOF0) says {@code width}×{@code height}, made from a 16×16 one: a real
     * header over far too little data, which only a reader that decodes pixels would notice.
     */
    static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = encoded("jpeg", 16, 16);
        for (int i = 2; i + 8 < jpeg.length; ) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new IllegalStateException("not a JPEG marker at " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xC0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF);
        }
        throw new IllegalStateException("the JPEG writer wrote no SOF0 segment");
    }

    /** A file of {@code images/}. */
    static byte[] fixture(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test image " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
