package dev.jinaclip.springai;

import dev.jinaclip.core.ClipEngine;
import java.util.List;
import org.springframework.ai.document.Document;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.DocumentEmbeddingModel;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResultMetadata;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.util.Assert;

/**
 * jina-clip as a Spring AI {@link DocumentEmbeddingModel}: each {@link Document}, text or image, becomes one
 * embedding in the same vector space.
 *
 * <p>A document's image is its {@code Media} (MIME type {@code image/*}; data as bytes, a {@code Resource}, a
 * {@code URL}, or an {@code http(s)}, {@code file:} or {@code data:} URL string, or base64), or the URL an
 * {@link ImageDocuments} document names. Each result's {@link EmbeddingResultMetadata} carries the document id,
 * the modality ({@code TEXT} or {@code IMAGE}), the MIME type and the document's data. Unlike Vertex AI's model,
 * which embeds each modality of a document separately, jina-clip gives exactly one embedding per document (a
 * Spring AI document holds either text or media), indexed from 0 in input order.
 *
 * <p>Shares its behaviour with {@link JinaClipEmbeddingModel} (Spring AI forbids one class implementing both
 * interfaces): the same engine, dimension, response metadata, observations and exceptions. Thread-safe. It
 * does not close the engine.
 *
 * @since 0.1.0
 */
public class JinaClipDocumentEmbeddingModel implements DocumentEmbeddingModel {

    private final ClipEmbedder embedder;
    private final MetadataMode metadataMode;

    protected JinaClipDocumentEmbeddingModel(Builder builder) {
        this.embedder = builder.embedder();
        this.metadataMode = builder.metadataMode;
    }

    /** A builder of a model over {@code engine}: the hosted API client or the in-process ONNX engine. */
    public static Builder builder(ClipEngine engine) {
        return new Builder(engine);
    }

    /**
     * Embeds each document: its text or its image.
     *
     * @throws IllegalArgumentException naming the document's position if its media is not a usable image, or if
     *                                  the options ask for another model or dimension
     */
    @Override
    public EmbeddingResponse call(DocumentEmbeddingRequest request) {
        Assert.notNull(request, "request must not be null");
        List<Document> documents = request.getInstructions();
        Assert.notNull(documents, "documents must not be null");
        return embedder.embedDocuments(documents, metadataMode, request.getOptions());
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

    @Override
    public String toString() {
        return "JinaClipDocumentEmbeddingModel{" + embedder + ", metadataMode=" + metadataMode + "}";
    }

    /** Collects settings; see each method for its default. */
    public static class Builder extends ClipModelBuilder<Builder, JinaClipDocumentEmbeddingModel> {

        protected Builder(ClipEngine engine) {
            super(engine);
        }

        @Override
        public JinaClipDocumentEmbeddingModel build() {
            return new JinaClipDocumentEmbeddingModel(this);
        }
    }
}
