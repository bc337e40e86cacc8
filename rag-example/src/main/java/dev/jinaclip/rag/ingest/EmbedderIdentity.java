package dev.jinaclip.rag.ingest;

import dev.jinaclip.langchain4j.JinaClipOnnxEmbeddingModel;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;

/**
 * Names the embedding model behind the vectors: backend, model name, dimension and, for the local backend, the
 * model folder. Vectors of two different models must not be compared, so the ingestion ledger records this and
 * a change re-embeds the corpus.
 */
final class EmbedderIdentity {

    private EmbedderIdentity() {
    }

    static String of(MultimodalEmbeddingModel model) {
        String identity = model.getClass().getSimpleName() + "/" + model.modelName() + "/" + model.dimension();
        if (model instanceof JinaClipOnnxEmbeddingModel onnx) {
            identity += "/" + onnx.engine().files().directory().toAbsolutePath();
        }
        return identity;
    }
}
