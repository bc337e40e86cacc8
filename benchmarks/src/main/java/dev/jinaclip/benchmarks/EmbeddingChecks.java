package dev.jinaclip.benchmarks;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.onnx.JinaClipOnnxConfig;

/** A measured call must have embedded everything (one 768-d vector per input), and how alike two vectors are. */
final class EmbeddingChecks {

    private EmbeddingChecks() {
    }

    static void requireVectors(ClipEmbeddings embeddings, int inputs) {
        if (embeddings.vectors().size() != inputs
                || embeddings.vectors().stream().anyMatch(v -> v.length != JinaClipOnnxConfig.MODEL.dimension())) {
            throw new IllegalStateException(embeddings.vectors().size() + " vectors for " + inputs
                    + " inputs, or one not of " + JinaClipOnnxConfig.MODEL.dimension() + " dimensions");
        }
    }

    /** Cosine similarity, summed in double. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }
}
