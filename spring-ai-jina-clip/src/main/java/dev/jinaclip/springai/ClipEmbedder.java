package dev.jinaclip.springai;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.JinaClipException;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
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
 * What both Spring AI models share: one call of the {@link ClipEngine} per request, wrapped in a Micrometer
 * observation, with Spring AI's request options checked, its response built and the engine's failures mapped.
 */
final class ClipEmbedder {

    /** The provider name in observations ({@code gen_ai.system}); Spring AI's {@code AiProvider} has no Jina. */
    static final String PROVIDER = "jina";

    private static final EmbeddingModelObservationConvention DEFAULT_CONVENTION =
            new DefaultEmbeddingModelObservationConvention();

    private final ClipEngine engine;
    private final ObservationRegistry observationRegistry;
    private volatile @Nullable EmbeddingModelObservationConvention observationConvention;

    ClipEmbedder(ClipEngine engine, ObservationRegistry observationRegistry,
            @Nullable EmbeddingModelObservationConvention observationConvention) {
        this.engine = Objects.requireNonNull(engine, "engine must not be null");
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
        this.observationConvention = observationConvention;
    }

    void observationConvention(EmbeddingModelObservationConvention convention) {
        this.observationConvention = Objects.requireNonNull(convention, "observationConvention must not be null");
    }

    /** The engine's dimension, known without a call. */
    int dimensions() {
        return engine.dimension();
    }

    /**
     * The options a call runs with: the engine's model and dimension.
     *
     * @throws IllegalArgumentException if {@code requested} asks for another model or dimension, which the
     *                                  configured engine cannot serve
     */
    EmbeddingOptions options(@Nullable EmbeddingOptions requested) {
        String model = engine.model().modelName();
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
     * Embeds each document, its text or its image, in one observed call.
     *
     * @throws IllegalArgumentException naming the position of a document that is null or whose media is not an
     *                                  image, or if {@code requested} asks for another model or dimension
     */
    EmbeddingResponse embedDocuments(List<Document> documents, MetadataMode metadataMode,
            @Nullable EmbeddingOptions requested) {
        EmbeddingOptions options = options(requested);
        List<ClipInput> inputs = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            inputs.add(ClipDocuments.input(documents.get(i), metadataMode, i));
        }
        return embed(inputs, options, i -> ClipDocuments.resultMetadata(documents.get(i)));
    }

    /**
     * Embeds {@code inputs} as documents in one observed call.
     *
     * @param inputs         one text or image per embedding
     * @param options        from {@link #options(EmbeddingOptions)}
     * @param resultMetadata the metadata of the result at an index
     */
    EmbeddingResponse embed(List<ClipInput> inputs, EmbeddingOptions options,
            IntFunction<EmbeddingResultMetadata> resultMetadata) {
        List<String> described = inputs.stream().map(ClipInput::describe).toList();
        EmbeddingModelObservationContext context = EmbeddingModelObservationContext.builder()
                .embeddingRequest(new EmbeddingRequest(described, options))
                .provider(PROVIDER)
                .build();
        return Objects.requireNonNull(EmbeddingModelObservationDocumentation.EMBEDDING_MODEL_OPERATION
                .observation(observationConvention, DEFAULT_CONVENTION, () -> context, observationRegistry)
                .observe(() -> {
                    EmbeddingResponse response = call(inputs, resultMetadata);
                    context.setResponse(response);
                    return response;
                }));
    }

    private EmbeddingResponse call(List<ClipInput> inputs, IntFunction<EmbeddingResultMetadata> resultMetadata) {
        if (inputs.isEmpty()) {
            return new EmbeddingResponse(List.of(), metadata(engine.model().modelName(), ClipUsage.NONE));
        }
        ClipEmbeddings result;
        try {
            result = engine.embed(inputs, ClipInputType.DOCUMENT);
        } catch (JinaClipException e) {
            throw AiExceptions.map(e);
        }
        List<Embedding> embeddings = new ArrayList<>(inputs.size());
        for (int i = 0; i < result.vectors().size(); i++) {
            embeddings.add(new Embedding(result.vectors().get(i), i, resultMetadata.apply(i)));
        }
        return new EmbeddingResponse(embeddings, metadata(result.modelName(), result.usage()));
    }

    @Override
    public String toString() {
        return engine.toString();
    }

    private static EmbeddingResponseMetadata metadata(String model, ClipUsage usage) {
        DefaultUsage springUsage = new DefaultUsage(usage.promptTokens(), 0, usage.totalTokens(), usage);
        return new EmbeddingResponseMetadata(model, springUsage, usage.metadata());
    }
}
