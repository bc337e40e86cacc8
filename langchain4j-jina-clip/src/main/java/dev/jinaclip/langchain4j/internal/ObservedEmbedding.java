package dev.jinaclip.langchain4j.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies listeners around requests that hold images. LangChain4j 1.19's {@code EmbeddingModel.embed}
 * describes each input to listeners as a {@link TextSegment} of its text, which an image does not have, so it
 * fails on image inputs as soon as a listener is registered. Here an image is described by
 * {@link dev.jinaclip.core.ClipInput#describe()} instead; validation and {@code doEmbed} still run through
 * LangChain4j's own {@code embed}.
 */
public final class ObservedEmbedding {

    private static final Logger log = LoggerFactory.getLogger(ObservedEmbedding.class);

    private ObservedEmbedding() {
    }

    /** Embeds through {@code model}'s validation and {@code doEmbed}, notifying its listeners. */
    public static EmbeddingResponse embed(EmbeddingModel model, EmbeddingRequest request) {
        List<EmbeddingModelListener> listeners = model.listeners();
        EmbeddingRequest finalRequest = EmbeddingRequest.builder()
                .inputs(request.inputs())
                .parameters(model.defaultRequestParameters().overrideWith(request.parameters()))
                .build();
        List<TextSegment> segments = describe(finalRequest.inputs());
        Map<Object, Object> attributes = new ConcurrentHashMap<>();
        notify(listeners, l -> l.onRequest(EmbeddingModelRequestContext.builder()
                .textSegments(segments).embeddingRequest(finalRequest).embeddingModel(model)
                .attributes(attributes).build()));
        try {
            EmbeddingResponse response = unobserved(model).embed(request);
            Response<List<Embedding>> legacy = Response.from(response.embeddings(), response.metadata().tokenUsage());
            notify(listeners, l -> l.onResponse(EmbeddingModelResponseContext.builder()
                    .embeddingRequest(finalRequest).embeddingResponse(response).response(legacy)
                    .textSegments(segments).embeddingModel(model).attributes(attributes).build()));
            return response;
        } catch (RuntimeException error) {
            notify(listeners, l -> l.onError(EmbeddingModelErrorContext.builder()
                    .error(error).textSegments(segments).embeddingRequest(finalRequest).embeddingModel(model)
                    .attributes(attributes).build()));
            throw error;
        }
    }

    private static List<TextSegment> describe(List<EmbeddingInput> inputs) {
        List<TextSegment> segments = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (Content content : inputs.get(i).contents()) {
                parts.add(describe(i, content));
            }
            segments.add(TextSegment.from(parts.isEmpty() ? "[empty]" : String.join("\n", parts)));
        }
        return segments;
    }

    // what the engine gets, as ClipInput describes it; what it would refuse, by its type
    private static String describe(int position, Content content) {
        try {
            String description = ContentMapper.toClipInput(position, content).describe();
            return description.isBlank() ? "[empty]" : description;
        } catch (RuntimeException e) {
            return "[" + content.type() + "]";
        }
    }

    private static void notify(List<EmbeddingModelListener> listeners, Consumer<EmbeddingModelListener> event) {
        for (EmbeddingModelListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                // as LangChain4j does: a broken listener must not break embedding
                log.warn("An embedding model listener failed; ignored", e);
            }
        }
    }

    /** The same model without listeners, so LangChain4j's {@code embed} validates and calls {@code doEmbed} only. */
    private static EmbeddingModel unobserved(EmbeddingModel model) {
        return new EmbeddingModel() {
            @Override
            public EmbeddingResponse doEmbed(EmbeddingRequest request) {
                return model.doEmbed(request);
            }

            @Override
            public Set<EmbeddingParameter<?>> supportedParameters() {
                return model.supportedParameters();
            }

            @Override
            public Set<ContentType> supportedContentTypes() {
                return model.supportedContentTypes();
            }

            @Override
            public EmbeddingRequestParameters defaultRequestParameters() {
                return model.defaultRequestParameters();
            }

            @Override
            public String modelName() {
                return model.modelName();
            }

            @Override
            public ModelProvider provider() {
                return model.provider();
            }
        };
    }
}
