package dev.jinaclip.image.internal;

/**
 * Where the reference transform puts an image: torchvision's {@code Resize(size)} (shortest side to {@code size})
 * followed by {@code CenterCrop(size)}.
 *
 * @param resizedWidth  width after the resize
 * @param resizedHeight height after the resize
 * @param left          first column of the crop in the resized image
 * @param top           first row of the crop in the resized image
 * @param size          side of the square crop
 */
public record CropGeometry(int resizedWidth, int resizedHeight, int left, int top, int size) {

    /**
     * The geometry for a {@code width × height} image.
     *
     * <p>Resize: the short side becomes {@code size}, the long side {@code int(size * long / short)} (float
     * division, truncated), as in torchvision's {@code _compute_resized_output_size}. Crop offsets:
     * {@code round((resized - size) / 2)} with Python's round half to even, as in torchvision's
     * {@code center_crop}.
     *
     * @throws IllegalArgumentException if the resized long side would not fit in an {@code int}
     */
    public static CropGeometry of(int width, int height, int size) {
        if (width < 1 || height < 1 || size < 1) {
            throw new IllegalArgumentException("width, height and size must be positive: " + width + ", " + height
                    + ", " + size);
        }
        int shortSide = Math.min(width, height);
        int longSide = Math.max(width, height);
        double newLong = (double) ((long) size * longSide) / shortSide;
        if (newLong >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("aspect ratio " + width + ":" + height + " is too extreme to resize");
        }
        int resizedLong = (int) newLong;
        int resizedWidth = width <= height ? size : resizedLong;
        int resizedHeight = width <= height ? resizedLong : size;
        int left = (int) Math.rint((resizedWidth - size) / 2.0);
        int top = (int) Math.rint((resizedHeight - size) / 2.0);
        return new CropGeometry(resizedWidth, resizedHeight, left, top, size);
    }
}
