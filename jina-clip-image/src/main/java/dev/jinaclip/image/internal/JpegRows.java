package dev.jinaclip.image.internal;

import java.awt.image.Raster;

/**
 * RGB rows from a JPEG's raw decoded components ({@code ImageReader.readRaster}: upsampled, not colour
 * converted), converted as libjpeg and Pillow do. Embedded ICC profiles are ignored, as in the reference.
 *
 * <ul>
 *   <li>YCbCr: libjpeg's integer YCbCr to RGB.</li>
 *   <li>CMYK: the stored values are inverted (Pillow always assumes Adobe polarity, rawmode {@code CMYK;I}),
 *       then Pillow's naive {@code cmyk2rgb}.</li>
 *   <li>YCCK: libjpeg's YCCK to CMYK, Pillow's inversion, then {@code cmyk2rgb}.</li>
 *   <li>Grey is replicated; RGB is copied.</li>
 * </ul>
 */
final class JpegRows implements RgbRows {

    private final Raster raster;
    private final JpegColorSpace colorSpace;
    private final int[] samples;

    JpegRows(Raster raster, JpegColorSpace colorSpace) {
        this.raster = raster;
        this.colorSpace = colorSpace;
        this.samples = new int[raster.getWidth() * raster.getNumBands()];
    }

    @Override
    public int width() {
        return raster.getWidth();
    }

    @Override
    public int height() {
        return raster.getHeight();
    }

    @Override
    public void readRow(int y, byte[] dst) {
        int width = raster.getWidth();
        int[] s = samples;
        raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, s);
        int o = 0;
        switch (colorSpace) {
            case GRAY -> {
                for (int x = 0; x < width; x++) {
                    byte v = (byte) s[x];
                    dst[o++] = v;
                    dst[o++] = v;
                    dst[o++] = v;
                }
            }
            case RGB -> {
                for (int i = 0; i < 3 * width; i++) {
                    dst[i] = (byte) s[i];
                }
            }
            case YCBCR -> {
                for (int p = 0; p < 3 * width; p += 3) {
                    dst[o++] = (byte) ColorMath.red(s[p], s[p + 1], s[p + 2]);
                    dst[o++] = (byte) ColorMath.green(s[p], s[p + 1], s[p + 2]);
                    dst[o++] = (byte) ColorMath.blue(s[p], s[p + 1], s[p + 2]);
                }
            }
            case CMYK -> {
                for (int p = 0; p < 4 * width; p += 4) {
                    int k = 255 - s[p + 3];
                    dst[o++] = (byte) ColorMath.cmykToRgb(255 - s[p], k);
                    dst[o++] = (byte) ColorMath.cmykToRgb(255 - s[p + 1], k);
                    dst[o++] = (byte) ColorMath.cmykToRgb(255 - s[p + 2], k);
                }
            }
            case YCCK -> {
                for (int p = 0; p < 4 * width; p += 4) {
                    // libjpeg stores 255 - rgb(Y, Cb, Cr) as C, M, Y; Pillow inverts that back
                    int k = 255 - s[p + 3];
                    dst[o++] = (byte) ColorMath.cmykToRgb(ColorMath.red(s[p], s[p + 1], s[p + 2]), k);
                    dst[o++] = (byte) ColorMath.cmykToRgb(ColorMath.green(s[p], s[p + 1], s[p + 2]), k);
                    dst[o++] = (byte) ColorMath.cmykToRgb(ColorMath.blue(s[p], s[p + 1], s[p + 2]), k);
                }
            }
        }
    }
}
