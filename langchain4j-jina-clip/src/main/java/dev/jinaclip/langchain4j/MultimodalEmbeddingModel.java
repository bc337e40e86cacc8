package dev.jinaclip.langchain4j;

import dev.jinaclip.langchain4j.internal.ObservedEmbedding;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A LangChain4j {@link EmbeddingModel} that embeds images as well as texts, into one vector space: every
 * jina-clip backend of this project implements it, so backends can be swapped without touching the code that
 * uses them.
 *
 * <p>Images go through LangChain4j's own multimodal request API ({@code embed(EmbeddingRequest)} with
 * {@code ImageContent} inputs), so listeners fire for them as for texts; {@link #embed(Image)} and
 * {@link #embedImages(List)} are shortcuts for it. Each input must hold exactly one text or one image.
 */
public interface MultimodalEmbeddingModel extends EmbeddingModel, AutoCloseable {

    /** Key of the billed image tokens in a {@link Response}'s metadata, when the backend reports them. */
    String IMAGE_TOKENS = "image_tokens";

    /**
     * LangChain4j's {@code embed}, with listeners notified for image inputs too (they see an image as a text
     * segment {@code [image] <url>} or {@code [image] base64, <n> chars}).
     */
    @Override
    default EmbeddingResponse embed(EmbeddingRequest request) {
        return listeners().isEmpty() ? EmbeddingModel.super.embed(request) : ObservedEmbedding.embed(this, request);
    }

    /**
     * Frees what the model holds (threads, native sessions); a model must not be used after it. Does nothing by
     * default, for models that hold nothing.
     */
    @Override
    default void close() {
    }

    /** Texts and images. */
    @Override
    default Set<ContentType> supportedContentTypes() {
        return Set.of(ContentType.TEXT, ContentType.IMAGE);
    }

    /**
     * Embeds one image.
     *
     * @param image an image by {@code http(s)} or {@code file:} URL, or as base64 data
     * @throws IllegalArgumentException if the image is null or unusable
     */
    default Response<Embedding> embed(Image image) {
        Response<List<Embedding>> response = embedImages(List.of(requireImage(image, 0)));
        return Response.from(response.content().get(0), response.tokenUsage(), null, response.metadata());
    }

    /**
     * Embeds images.
     *
     * @return one embedding per image, in the order given
     * @throws IllegalArgumentException naming the position of a null or unusable image
     */
    default Response<List<Embedding>> embedImages(List<Image> images) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        if (images.isEmpty()) {
            return Response.from(List.of());
        }
        List<EmbeddingInput> inputs = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            inputs.add(EmbeddingInput.from(ImageContent.from(requireImage(images.get(i), i))));
        }
        EmbeddingResponse response = embed(EmbeddingRequest.builder().inputs(inputs).build());
        Map<String, Object> metadata = response.metadata() instanceof ClipEmbeddingResponseMetadata clip
                && clip.imageTokens() != null ? Map.of(IMAGE_TOKENS, clip.imageTokens()) : Map.of();
        return Response.from(response.embeddings(), response.metadata().tokenUsage(), null, metadata);
    }

    private static Image requireImage(Image image, int position) {
        if (image == null) {
            throw new IllegalArgumentException("Input " + position + ": image is null");
        }
        return image;
    }
}
