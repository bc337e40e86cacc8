package dev.jinaclip.onnx.internal;

/** Vector arithmetic for the model's outputs. */
public final class Vectors {

    private Vectors() {
    }

    /** Scales {@code vector} to unit L2 length in place, as {@code F.normalize(p=2)} does (a zero vector stays zero). */
    public static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        // torch's F.normalize divides by max(norm, 1e-12)
        double norm = Math.max(Math.sqrt(sum), 1e-12);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] / norm);
        }
        return vector;
    }
}
