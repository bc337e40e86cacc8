package dev.jinaclip.image.internal;

import java.awt.image.BufferedImage;

/**
 * A decoded image as 8-bit RGB rows, produced on demand so that a large image need not be copied whole.
 *
 * <p>Row {@code y} is written to {@code dst[0 .. 3 * width())} as R, G, B bytes per pixel, exactly as
 * Pillow's {@code convert('RGB')} would hold them. Implementations are not thread-safe; use one per image.
 */
public interface RgbRows {

    /** Width in pixels. */
    int width();

    /** Height in pixels. */
    int height();

    /**
     * Writes row {@code y} (0-based) into {@code dst} as interleaved R, G, B bytes.
     *
     * @param y   the row, {@code 0 <= y < height()}
     * @param dst at least {@code 3 * width()} bytes
     */
    void readRow(int y, byte[] dst);

    /**
     * Rows of an already decoded image, converted from its stored samples as Pillow's {@code convert('RGB')} does
     * (alpha dropped, grey replicated, palette expanded, ICC profile ignored).
     */
    static RgbRows of(BufferedImage image) {
        return new ImageRows(image);
    }
}
