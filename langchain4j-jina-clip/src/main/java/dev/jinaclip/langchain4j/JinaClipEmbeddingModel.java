package dev.jinaclip.langchain4j;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.langchain4j.internal.ContentMapper;
import dev.jinaclip.langchain4j.internal.ExceptionMapper;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The LangChain4j {@link MultimodalEmbeddingModel} over any jina-clip {@link ClipEngine}: the hosted API client or
 * the in-process ONNX engine. {@link JinaClipApiEmbeddingModel} and {@link JinaClipOnnxEmbeddingModel} are this
 * model with a builder for their engine; wrap an engine built elsewhere (for example a Spring bean) directly.
 *
 * <p>Failures of the engine are LangChain4j exceptions chosen by {@link JinaClipException#isRetryable()}: a
 * {@code RetriableException} (or its {@code TimeoutException}, {@code RateLimitException},
 * {@code InternalServerException}) when the same call may succeed later, else a {@code NonRetriableException}
 * ({@code InvalidRequestException} for an input the backend cannot use, {@code AuthenticationException},
 * {@code ModelNotFoundException}); the {@link JinaClipException} is the cause. An input rejected before any work
 * is an {@link IllegalArgumentException} naming its position. Thread-safe.
 */
public class JinaClipEmbeddingModel implements MultimodalEmbeddingModel {

    private final ClipEngine engine;
    private final List<EmbeddingModelListener> listeners;

    /**
     * A model over {@code engine}, which it closes when closed.
     *
     * @param listeners notified of each request, response and error; {@code null} for none
     */
    public JinaClipEmbeddingModel(ClipEngine engine, List<EmbeddingModelListener> listeners) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.listeners = listeners == null ? List.of() : List.copyOf(listeners);
    }

    /** A model over {@code engine}, without listeners. */
    public JinaClipEmbeddingModel(ClipEngine engine) {
        this(engine, null);
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        try {
            return ContentMapper.toResponse(
                    engine.embed(ContentMapper.toClipInputs(request), ContentMapper.inputType(request)));
        } catch (JinaClipException e) {
            throw ExceptionMapper.map(e);
        }
    }

    /**
     * {@code INPUT_TYPE}: jina-clip-v2 embeds {@code QUERY} texts with its {@code retrieval.query} task;
     * jina-clip-v1 is symmetric and embeds queries and documents alike.
     */
    @Override
    public Set<EmbeddingParameter<?>> supportedParameters() {
        return Set.of(EmbeddingRequestParameters.INPUT_TYPE);
    }

    /** The engine's dimension (768 for jina-clip-v1), known without a call. */
    @Override
    public int dimension() {
        return engine.dimension();
    }

    @Override
    public String modelName() {
        return engine.model().modelName();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.JINA;
    }

    @Override
    public List<EmbeddingModelListener> listeners() {
        return listeners;
    }

    /** The engine, for the classifier over this model; not public, so that every embedding goes through the model. */
    ClipEngine engine() {
        return engine;
    }

    /** Closes the engine: its threads, and the native sessions of the in-process one. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + engine + "}";
    }
}
