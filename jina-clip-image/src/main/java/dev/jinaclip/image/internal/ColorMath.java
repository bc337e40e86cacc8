package dev.jinaclip.image.internal;

/**
 * The integer colour conversions of the reference decoder: libjpeg's YCbCr to RGB ({@code jdcolor.c}) and
 * Pillow's naive CMYK to RGB ({@code cmyk2rgb} in {@code src/libImaging/Convert.c}), bit for bit.
 */
final class ColorMath {

    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALE_BITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALE_BITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private ColorMath() {
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALE_BITS) + 0.5);
    }

    /** libjpeg's red from YCbCr. */
    static int red(int y, int cb, int cr) {
        return clamp(y + CR_R[cr]);
    }

    /** libjpeg's green from YCbCr. */
    static int green(int y, int cb, int cr) {
        return clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALE_BITS));
    }

    /** libjpeg's blue from YCbCr. */
    static int blue(int y, int cb, int cr) {
        return clamp(y + CB_B[cb]);
    }

    /**
     * Pillow's {@code cmyk2rgb} for one channel: {@code 255 - k - ink * (255 - k) / 255} with its rounding, no
     * colour management. {@code ink} is C, M or Y and {@code k} is K, both as ink amounts (0 = no ink).
     */
    static int cmykToRgb(int ink, int k) {
        int nk = 255 - k;
        int tmp = ink * nk + 128;
        return clamp(nk - (((tmp >> 8) + tmp) >> 8));
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
