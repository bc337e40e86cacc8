package dev.jinaclip.evaluation;

/** Vector arithmetic for cosine similarity. */
final class Vectors {

    private Vectors() {
    }

    /** The dot product: the cosine, for L2-normalised vectors. */
    static double dot(float[] a, float[] b) {
        // four independent sums let the CPU pipeline the multiply-adds: the search's inner loop
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    /**
     * A copy scaled to length 1.
     *
     * @throws IllegalStateException if the vector is zero or not finite, which no cosine can be taken of
     */
    static float[] normalized(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        if (norm == 0 || !Double.isFinite(norm)) {
            throw new IllegalStateException("a vector of length " + norm + " has no direction");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
