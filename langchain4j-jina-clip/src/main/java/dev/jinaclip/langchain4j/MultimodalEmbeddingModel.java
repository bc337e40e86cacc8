package dev.jinaclip.langchain4j;

import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.langchain4j.internal.ObservedEmbedding;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.Collections;
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
    String IMAGE_TOKENS = ClipUsage.IMAGE_TOKENS;

    /** Key of the image tokens the image token saver saved in a {@link Response}'s metadata, when it is on. */
    String IMAGE_TOKENS_SAVED = ClipUsage.IMAGE_TOKENS_SAVED;

    /**
     * LangChain4j's {@code embed}, with listeners notified for image inputs too (they see an image as a text
     * segment {@code [image] <url>} or {@code [image] base64, <n> chars}).
     *
     * @throws IllegalArgumentException naming the position of a {@code null} or unusable input
     */
    @Override
    default EmbeddingResponse embed(EmbeddingRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        List<EmbeddingInput> inputs = request.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                throw InputErrors.invalid(i, "is null");
            }
        }
        return listeners().isEmpty() ? EmbeddingModel.super.embed(request) : ObservedEmbedding.embed(this, request);
    }

    /**
     * Embeds one text.
     *
     * @throws IllegalArgumentException if the text is {@code null} or blank ({@code Input 0: ...})
     */
    @Override
    default Response<Embedding> embed(String text) {
        if (text == null) {
            throw InputErrors.invalid(0, "text is null");
        }
        // not through TextSegment, which refuses a blank text with a message of its own
        EmbeddingResponse response = embed(EmbeddingRequest.builder().input(EmbeddingInput.from(text)).build());
        return Response.from(response.embeddings().get(0), response.metadata().tokenUsage());
    }

    /**
     * Embeds one text segment.
     *
     * @throws IllegalArgumentException if the segment is {@code null} ({@code Input 0: ...})
     */
    @Override
    default Response<Embedding> embed(TextSegment textSegment) {
        Response<List<Embedding>> response = embedAll(Collections.singletonList(textSegment));
        return Response.from(response.content().get(0), response.tokenUsage());
    }

    /**
     * Embeds text segments; LangChain4j's own {@code embedAll} drops {@code null} elements, which would pair
     * every later vector with the wrong segment.
     *
     * @return one embedding per segment, in the order given
     * @throws IllegalArgumentException naming the position of a {@code null} segment
     */
    @Override
    default Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
        if (textSegments == null) {
            throw new IllegalArgumentException("textSegments must not be null");
        }
        if (textSegments.isEmpty()) {
            return Response.from(List.of());
        }
        List<EmbeddingInput> inputs = new ArrayList<>(textSegments.size());
        for (int i = 0; i < textSegments.size(); i++) {
            if (textSegments.get(i) == null) {
                throw InputErrors.invalid(i, "text segment is null");
            }
            inputs.add(EmbeddingInput.from(textSegments.get(i)));
        }
        EmbeddingResponse response = embed(EmbeddingRequest.builder().inputs(inputs).build());
        return Response.from(response.embeddings(), response.metadata().tokenUsage());
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
                ? ClipUsage.metadata(clip.imageTokens(), clip.imageTokensSaved()) : Map.of();
        return Response.from(response.embeddings(), response.metadata().tokenUsage(), null, metadata);
    }

    private static Image requireImage(Image image, int position) {
        if (image == null) {
            throw InputErrors.invalid(position, "image is null");
        }
        return image;
    }
}
