package dev.jinaclip.benchmarks;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.onnx.JinaClipOnnxConfig;

/** A measured call must have embedded everything: one 768-d vector per input. */
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
}
