package dev.jinaclip.image;

/**
 * An image whose header declares more pixels than {@link ClipImagePreprocessor#maxPixels()}.
 *
 * <p>Thrown before any pixel is decoded, so a small file that declares a huge image (a decompression bomb) costs
 * neither time nor memory. Raise the limit with {@link ClipImagePreprocessor.Builder#maxPixels(long)} if such
 * images are expected, or downscale them before embedding.
 */
public final class ImageTooLargeException extends ImageDecodingException {

    private static final long serialVersionUID = 1L;

    private final int width;
    private final int height;
    private final long maxPixels;

    /** An exception for a {@code width × height} image and the limit it exceeds. */
    public ImageTooLargeException(int width, int height, long maxPixels) {
        super("image declares " + width + "x" + height + " = " + (long) width * height
                + " pixels, more than the limit of " + maxPixels + " pixels (maxPixels)");
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    /** The width the image declares. */
    public int width() {
        return width;
    }

    /** The height the image declares. */
    public int height() {
        return height;
    }

    /** The limit it exceeds. */
    public long maxPixels() {
        return maxPixels;
    }
}
