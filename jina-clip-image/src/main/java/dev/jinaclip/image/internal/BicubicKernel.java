package dev.jinaclip.image.internal;

/**
 * Fixed-point bicubic weights for one axis, ported from Pillow's {@code precompute_coeffs} and
 * {@code normalize_coeffs_8bpc} ({@code src/libImaging/Resample.c}).
 *
 * <p>The filter is cubic convolution with {@code a = -0.5} and support 2, widened by the scale factor when
 * downscaling (antialiasing). Weights are computed in {@code double} in Pillow's order of operations,
 * normalised to sum 1, then rounded half away from zero to {@link #PRECISION_BITS} fractional bits.
 * Only the outputs {@code [from, from + count)} are computed; each output's weights do not depend on the others,
 * so this equals Pillow's full table restricted to that range.
 */
final class BicubicKernel {

    /** Pillow's {@code PRECISION_BITS = 32 - 8 - 2}: 8 bits of result, 2 bits of headroom. */
    static final int PRECISION_BITS = 22;
    /** Initial accumulator value: one half, so that the final shift rounds. */
    static final int HALF = 1 << (PRECISION_BITS - 1);

    private static final double SUPPORT = 2.0;
    private static final double A = -0.5;

    final int ksize;
    /** First input index used by each output. */
    final int[] start;
    /** Number of input indices used by each output. */
    final int[] length;
    /** {@code ksize} weights per output, fixed point. */
    final int[] weights;

    private BicubicKernel(int ksize, int count) {
        this.ksize = ksize;
        this.start = new int[count];
        this.length = new int[count];
        this.weights = new int[count * ksize];
    }

    /**
     * Weights for resampling {@code inSize} samples to {@code outSize}, for outputs {@code from .. from + count - 1}.
     */
    static BicubicKernel of(int inSize, int outSize, int from, int count) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        BicubicKernel kernel = new BicubicKernel(ksize, count);
        double[] k = new double[ksize];
        double ss = 1.0 / filterScale;
        for (int i = 0; i < count; i++) {
            int xx = from + i;
            double center = (xx + 0.5) * scale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                double w = filter((x + xmin - center + 0.5) * ss);
                k[x] = w;
                ww += w;
            }
            int base = i * ksize;
            for (int x = 0; x < xmax; x++) {
                double w = ww != 0.0 ? k[x] / ww : k[x];
                kernel.weights[base + x] = toFixedPoint(w);
            }
            kernel.start[i] = xmin;
            kernel.length[i] = xmax;
        }
        return kernel;
    }

    /** Pillow's {@code bicubic_filter}, same operation order. */
    static double filter(double x) {
        if (x < 0.0) {
            x = -x;
        }
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }

    private static int toFixedPoint(double w) {
        double scaled = w * (1 << PRECISION_BITS);
        return w < 0 ? (int) (-0.5 + scaled) : (int) (0.5 + scaled);
    }

    /** Pillow's {@code clip8}: drop the fraction bits and clamp to 0..255. */
    static byte clip8(int accumulator) {
        int v = accumulator >> PRECISION_BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
