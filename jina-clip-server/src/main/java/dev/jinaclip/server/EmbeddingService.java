package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.cost.InputTokens;
import dev.jinaclip.core.cost.TokenEstimate;
import dev.jinaclip.core.cost.TokenEstimator;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.onnx.internal.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds a request with the local engine (batched with concurrent ones by {@link EmbeddingBatcher}), as the hosted API would answer it: texts beyond the engine's window
 * refused unless {@code truncate}, vectors normalised when asked, tokens counted as the API bills them.
 *
 * <p>The engine must give raw vectors ({@code spring.ai.jina-clip.normalized=false}, the server's default), so
 * that each request chooses; normalising is then the same {@link Vectors#normalize} the engine applies.
 */
final class EmbeddingService {

    private final JinaClipOnnxEngine engine;
    private final EmbeddingBatcher batcher;
    private final TokenEstimator tokens;
    private final ServerMetrics metrics;

    EmbeddingService(JinaClipOnnxEngine engine, EmbeddingBatcher batcher, TokenEstimator tokens,
            ServerMetrics metrics) {
        if (engine.config().normalized()) {
            throw new IllegalStateException("jina-clip-server normalises vectors per request: set"
                    + " spring.ai.jina-clip.normalized=false");
        }
        this.engine = engine;
        this.batcher = batcher;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    ServedEmbeddings embed(EmbeddingsRequest request) {
        List<ClipInput> inputs = request.inputs();
        TokenEstimate estimate = tokens.estimate(inputs);
        if (!request.truncate()) {
            refuseLongTexts(estimate);
        }
        List<float[]> vectors = new ArrayList<>(batcher.embed(inputs));
        if (request.normalized()) {
            vectors.replaceAll(Vectors::normalize);
        }
        long images = inputs.stream().filter(ClipInput::isImage).count();
        ServedEmbeddings served = new ServedEmbeddings(vectors, estimate.tokens(), estimate.imageTokens(), images > 0);
        metrics.served(served, images);
        return served;
    }

    private void refuseLongTexts(TokenEstimate estimate) {
        int window = engine.config().maxTextTokens();
        for (InputTokens input : estimate.inputs()) {
            if (!input.isImage() && input.tokens() > window) {
                throw InputErrors.invalid(input.position(), "the text has " + input.tokens()
                        + " tokens, more than the " + window + " this server embeds; send \"truncate\": true"
                        + " to embed its first " + window);
            }
        }
    }
}
