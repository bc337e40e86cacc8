package dev.jinaclip.evaluation;

/** Vector arithmetic for cosine similarity. */
final class Vectors {

    private Vectors() {
    }

    /** The dot product: the cosine, for L2-normalised vectors. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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
