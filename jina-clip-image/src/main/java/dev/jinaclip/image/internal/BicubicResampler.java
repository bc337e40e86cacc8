package dev.jinaclip.image.internal;

import java.util.Arrays;

/**
 * Pillow's 8-bit bicubic resize ({@code Image.resize(size, BICUBIC)}, {@code src/libImaging/Resample.c}), ported
 * to give the same bytes, restricted to a window of the output.
 *
 * <p>As in Pillow, the resize is separable: a horizontal pass into an 8-bit intermediate, covering only the source
 * rows the vertical pass needs, then a vertical pass. Each pass accumulates in 32-bit fixed point
 * ({@link BicubicKernel#PRECISION_BITS} fraction bits, starting at one half) and clamps to 0..255, and a pass is
 * skipped when its dimension does not change. Every output pixel is computed independently, so computing only
 * the window (the centre crop) gives the same bytes as resizing the whole image and cropping afterwards.
 */
public final class BicubicResampler {

    private BicubicResampler() {
    }

    /**
     * Resizes {@code source} to {@code outWidth × outHeight} and returns the window
     * {@code [left, left + width) × [top, top + height)} of the result as interleaved RGB bytes.
     */
    public static byte[] resizeWindow(RgbRows source, int outWidth, int outHeight,
                                      int left, int top, int width, int height) {
        int inWidth = source.width();
        int inHeight = source.height();
        if (left < 0 || top < 0 || width < 1 || height < 1
                || (long) left + width > outWidth || (long) top + height > outHeight) {
            throw new IllegalArgumentException("window " + width + "x" + height + "+" + left + "+" + top
                    + " is outside the " + outWidth + "x" + outHeight + " output");
        }
        boolean horizontal = outWidth != inWidth;
        boolean vertical = outHeight != inHeight;
        BicubicKernel rows = vertical ? BicubicKernel.of(inHeight, outHeight, top, height) : null;
        int firstRow = vertical ? rows.start[0] : top;
        int endRow = firstRow;
        for (int i = 0; i < height; i++) {
            endRow = Math.max(endRow, vertical ? rows.start[i] + rows.length[i] : top + i + 1);
        }
        byte[] temp = horizontalPass(source, horizontal ? BicubicKernel.of(inWidth, outWidth, left, width) : null,
                left, width, firstRow, endRow);
        if (!vertical) {
            return temp;
        }
        return verticalPass(temp, rows, firstRow, width);
    }

    private static byte[] horizontalPass(RgbRows source, BicubicKernel columns, int left, int width,
                                         int firstRow, int endRow) {
        int stride = width * 3;
        byte[] row = new byte[source.width() * 3];
        byte[] out = new byte[(endRow - firstRow) * stride];
        for (int y = firstRow; y < endRow; y++) {
            source.readRow(y, row);
            int o = (y - firstRow) * stride;
            if (columns == null) {
                System.arraycopy(row, left * 3, out, o, stride);
                continue;
            }
            int[] weights = columns.weights;
            for (int xx = 0; xx < width; xx++) {
                int p = columns.start[xx] * 3;
                int k = xx * columns.ksize;
                int n = columns.length[xx];
                int r = BicubicKernel.HALF;
                int g = BicubicKernel.HALF;
                int b = BicubicKernel.HALF;
                for (int x = 0; x < n; x++, p += 3) {
                    int w = weights[k + x];
                    r += (row[p] & 0xFF) * w;
                    g += (row[p + 1] & 0xFF) * w;
                    b += (row[p + 2] & 0xFF) * w;
                }
                out[o++] = BicubicKernel.clip8(r);
                out[o++] = BicubicKernel.clip8(g);
                out[o++] = BicubicKernel.clip8(b);
            }
        }
        return out;
    }

    private static byte[] verticalPass(byte[] temp, BicubicKernel rows, int firstRow, int width) {
        int stride = width * 3;
        int height = rows.start.length;
        byte[] out = new byte[height * stride];
        int[] acc = new int[stride];
        for (int yy = 0; yy < height; yy++) {
            Arrays.fill(acc, BicubicKernel.HALF);
            int k = yy * rows.ksize;
            int n = rows.length[yy];
            for (int y = 0; y < n; y++) {
                int w = rows.weights[k + y];
                int p = (rows.start[yy] - firstRow + y) * stride;
                for (int i = 0; i < stride; i++) {
                    // integer sums are exact in any order, so accumulating row by row equals Pillow's per-pixel loop
                    acc[i] += (temp[p + i] & 0xFF) * w;
                }
            }
            int o = yy * stride;
            for (int i = 0; i < stride; i++) {
                out[o + i] = BicubicKernel.clip8(acc[i]);
            }
        }
        return out;
    }
}
