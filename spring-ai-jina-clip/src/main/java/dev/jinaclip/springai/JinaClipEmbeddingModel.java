package dev.jinaclip.springai;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.internal.InputErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.BatchingStrategy;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResultMetadata;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.util.Assert;

/**
 * jina-clip as a Spring AI {@link EmbeddingModel}: texts, and image documents, into one vector space.
 *
 * <p>A model over a jina-clip {@link ClipEngine}: the hosted Jina Embeddings API ({@code JinaClipApiClient}) or
 * in-process ONNX Runtime ({@code JinaClipOnnxEngine}), which do the batching, retries and concurrency.
 * jina-clip-v1 gives 768 dimensions, L2-normalised (compare with cosine similarity); {@link #dimensions()} needs
 * no call. Embeddings are indexed from 0 in input order, and the
 * response metadata carries the model name and token usage ({@code image_tokens} too, when the API reports them).
 * Each call is a Micrometer observation ({@code gen_ai.client.operation}, provider {@code jina}).
 *
 * <p>Vector stores call {@link #embed(Document)} or {@link #embed(List, EmbeddingOptions, BatchingStrategy)},
 * and both embed images too: a document with image {@code Media}, or one made by {@link ImageDocuments} (the only
 * kind of image document Spring AI 2.0.1's vector stores accept), is embedded as an image, so a text query finds
 * it. Request options may repeat the configured model and dimensions but not change them
 * ({@code IllegalArgumentException}). Failures of the engine are Spring AI's {@code TransientAiException} when
 * the same call may succeed later, else {@code NonTransientAiException}, with the engine's {@code JinaClipException}
 * (for the hosted API a {@code JinaApiException}) as cause; an input rejected before any work is an
 * {@code IllegalArgumentException} naming its position. Thread-safe. It does not close the engine.
 *
 * @since 0.1.0
 */
public class JinaClipEmbeddingModel implements EmbeddingModel {

    private final ClipEmbedder embedder;
    private final MetadataMode metadataMode;

    protected JinaClipEmbeddingModel(Builder builder) {
        this.embedder = builder.embedder();
        this.metadataMode = builder.metadataMode;
    }

    /** A builder of a model over {@code engine}: the hosted API client or the in-process ONNX engine. */
    public static Builder builder(ClipEngine engine) {
        return new Builder(engine);
    }

    @Override
    public EmbeddingResponse call(EmbeddingRequest request) {
        Assert.notNull(request, "request must not be null");
        List<String> texts = request.getInstructions();
        Assert.notNull(texts, "texts must not be null");
        List<ClipInput> inputs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                throw InputErrors.invalid(i, "text is null");
            }
            inputs.add(ClipInput.text(texts.get(i)));
        }
        return embedder.embed(inputs, embedder.options(request.getOptions()), i -> EmbeddingResultMetadata.EMPTY);
    }

    /** Embeds one text; a {@code null} or blank text is an {@code Input 0: ...} error, as in a list. */
    @Override
    public float[] embed(String text) {
        return call(new EmbeddingRequest(Collections.singletonList(text), null)).getResult().getOutput();
    }

    /** Embeds a document's text, or its image if it has image media or is an {@link ImageDocuments} document. */
    @Override
    public float[] embed(Document document) {
        return embedDocuments(Collections.singletonList(document), null).getResult().getOutput();
    }

    /**
     * Embeds documents, texts and images, in the batches {@code batchingStrategy} makes (the backend splits them
     * further); one vector per document, in order.
     */
    @Override
    public List<float[]> embed(List<Document> documents, @Nullable EmbeddingOptions options,
            BatchingStrategy batchingStrategy) {
        Assert.notNull(documents, "documents must not be null");
        Assert.notNull(batchingStrategy, "batchingStrategy must not be null");
        // before batching, which would drop or trip over a null
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) == null) {
                throw InputErrors.invalid(i, "document is null");
            }
        }
        List<float[]> vectors = new ArrayList<>(documents.size());
        for (List<Document> batch : batchingStrategy.batch(documents)) {
            embedDocuments(batch, options).getResults().forEach(embedding -> vectors.add(embedding.getOutput()));
        }
        Assert.state(vectors.size() == documents.size(), "one embedding per document expected");
        return vectors;
    }

    /** The text embedded for a text document; {@code null} for an image document, whose image is embedded. */
    @Override
    public @Nullable String getEmbeddingContent(Document document) {
        Assert.notNull(document, "document must not be null");
        return document.isText() && !ImageDocuments.isImageDocument(document)
                ? ClipDocuments.text(document, metadataMode) : null;
    }

    /** The engine's dimension: 768 for jina-clip-v1, with no call to the backend. */
    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    /** Replaces the observation convention; default: Spring AI's {@code DefaultEmbeddingModelObservationConvention}. */
    public void setObservationConvention(EmbeddingModelObservationConvention observationConvention) {
        embedder.observationConvention(observationConvention);
    }

    private EmbeddingResponse embedDocuments(List<Document> documents, @Nullable EmbeddingOptions options) {
        return embedder.embedDocuments(documents, metadataMode, options);
    }

    @Override
    public String toString() {
        return "JinaClipEmbeddingModel{" + embedder + ", metadataMode=" + metadataMode + "}";
    }

    /** Collects settings; see each method for its default. */
    public static class Builder extends ClipModelBuilder<Builder, JinaClipEmbeddingModel> {

        protected Builder(ClipEngine engine) {
            super(engine);
        }

        @Override
        public JinaClipEmbeddingModel build() {
            return new JinaClipEmbeddingModel(this);
        }
    }
}
