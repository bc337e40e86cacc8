package dev.jinaclip.springai;

import dev.jinaclip.langchain4j.ClipEmbeddingResponseMetadata;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import org.springframework.ai.embedding.EmbeddingResultMetadata;
import org.springframework.ai.embedding.observation.DefaultEmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationDocumentation;

/**
 * What both Spring AI models share: one call to the LangChain4j {@link MultimodalEmbeddingModel} per request,
 * wrapped in a Micrometer observation, with Spring AI's request options checked and its response built.
 */
final class ClipEmbedder {

    /** The provider name in observations ({@code gen_ai.system}); Spring AI's {@code AiProvider} has no Jina. */
    static final String PROVIDER = "jina";

    private static final EmbeddingModelObservationConvention DEFAULT_CONVENTION =
            new DefaultEmbeddingModelObservationConvention();

    private final MultimodalEmbeddingModel delegate;
    private final ObservationRegistry observationRegistry;
    private final AtomicInteger dimensions = new AtomicInteger(-1);
    private volatile @Nullable EmbeddingModelObservationConvention observationConvention;

    ClipEmbedder(MultimodalEmbeddingModel delegate, ObservationRegistry observationRegistry,
            @Nullable EmbeddingModelObservationConvention observationConvention) {
        this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
        this.observationConvention = observationConvention;
    }

    MultimodalEmbeddingModel delegate() {
        return delegate;
    }

    void observationConvention(EmbeddingModelObservationConvention convention) {
        this.observationConvention = Objects.requireNonNull(convention, "observationConvention must not be null");
    }

    /** The delegate's dimension, asked once. */
    int dimensions() {
        int known = dimensions.get();
        if (known < 0) {
            known = delegate.dimension();
            dimensions.set(known);
        }
        return known;
    }

    /**
     * The options a call runs with: this model's name and dimension.
     *
     * @throws IllegalArgumentException if {@code requested} asks for another model or dimension, which the
     *                                  configured backend cannot serve
     */
    EmbeddingOptions options(@Nullable EmbeddingOptions requested) {
        String model = delegate.modelName();
        if (requested != null && requested.getModel() != null && !requested.getModel().equals(model)) {
            throw new IllegalArgumentException("Model '" + requested.getModel() + "' was requested, but this model"
                    + " serves '" + model + "'; choose the model with spring.ai.jina-clip.model");
        }
        if (requested != null && requested.getDimensions() != null && requested.getDimensions() != dimensions()) {
            throw new IllegalArgumentException("Dimensions " + requested.getDimensions() + " were requested, but "
                    + model + " returns " + dimensions() + "; set spring.ai.jina-clip.dimensions (jina-clip-v2 only)");
        }
        return EmbeddingOptions.builder().model(model).dimensions(dimensions()).build();
    }

    /**
     * Embeds {@code contents} in one observed call.
     *
     * @param contents       one text or image per embedding
     * @param options        from {@link #options(EmbeddingOptions)}
     * @param resultMetadata the metadata of the result at an index
     */
    EmbeddingResponse embed(List<Content> contents, EmbeddingOptions options,
            IntFunction<EmbeddingResultMetadata> resultMetadata) {
        List<String> described = contents.stream().map(ClipContents::describe).toList();
        EmbeddingModelObservationContext context = EmbeddingModelObservationContext.builder()
                .embeddingRequest(new EmbeddingRequest(described, options))
                .provider(PROVIDER)
                .build();
        return Objects.requireNonNull(EmbeddingModelObservationDocumentation.EMBEDDING_MODEL_OPERATION
                .observation(observationConvention, DEFAULT_CONVENTION, () -> context, observationRegistry)
                .observe(() -> {
                    EmbeddingResponse response = call(contents, resultMetadata);
                    context.setResponse(response);
                    return response;
                }));
    }

    private EmbeddingResponse call(List<Content> contents, IntFunction<EmbeddingResultMetadata> resultMetadata) {
        if (contents.isEmpty()) {
            return new EmbeddingResponse(List.of(), new EmbeddingResponseMetadata(delegate.modelName(),
                    new DefaultUsage(0, 0, 0)));
        }
        List<EmbeddingInput> inputs = contents.stream().map(EmbeddingInput::from).toList();
        dev.langchain4j.model.embedding.response.EmbeddingResponse response;
        try {
            response = delegate.embed(dev.langchain4j.model.embedding.request.EmbeddingRequest.builder()
                    .inputs(inputs).build());
        } catch (LangChain4jException e) {
            throw AiExceptions.map(e);
        }
        if (response.embeddings().size() != contents.size()) {
            throw new IllegalStateException("The model returned " + response.embeddings().size()
                    + " embeddings for " + contents.size() + " inputs");
        }
        List<Embedding> embeddings = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            embeddings.add(new Embedding(response.embeddings().get(i).vector(), i, resultMetadata.apply(i)));
        }
        return new EmbeddingResponse(embeddings, metadata(response));
    }

    private EmbeddingResponseMetadata metadata(dev.langchain4j.model.embedding.response.EmbeddingResponse response) {
        var lc4j = response.metadata();
        String model = lc4j != null && lc4j.modelName() != null ? lc4j.modelName() : delegate.modelName();
        TokenUsage tokens = lc4j == null ? null : lc4j.tokenUsage();
        DefaultUsage usage = tokens == null ? new DefaultUsage(0, 0, 0)
                : new DefaultUsage(tokens.inputTokenCount(), 0, tokens.totalTokenCount(), tokens);
        Map<String, Object> extra = lc4j instanceof ClipEmbeddingResponseMetadata clip && clip.imageTokens() != null
                ? Map.of(MultimodalEmbeddingModel.IMAGE_TOKENS, clip.imageTokens())
                : Map.of();
        return new EmbeddingResponseMetadata(model, usage, extra);
    }
}
