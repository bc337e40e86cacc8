package dev.jinaclip.rag.ingest;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.onnx.JinaClipOnnxEngine;

/**
 * Names the embedding model behind the vectors: backend, model name, dimension and, for the local backend, the
 * model folder. Vectors of two different models must not be compared, so the ingestion ledger records this and
 * a change re-embeds the corpus.
 */
final class EmbedderIdentity {

    private EmbedderIdentity() {
    }

    static String of(ClipEngine engine) {
        String identity = engine.getClass().getSimpleName() + "/" + engine.model().modelName() + "/"
                + engine.dimension();
        if (engine instanceof JinaClipOnnxEngine local) {
            identity += "/" + local.files().directory().toAbsolutePath();
        }
        return identity;
    }
}
