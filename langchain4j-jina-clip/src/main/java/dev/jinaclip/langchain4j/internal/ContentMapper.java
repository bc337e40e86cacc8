package dev.jinaclip.langchain4j.internal;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.langchain4j.ClipEmbeddingResponseMetadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingInputType;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/** Maps LangChain4j requests onto the engines' inputs, and their results back; shared by every backend. */
public final class ContentMapper {

    private ContentMapper() {
    }

    /**
     * One {@link ClipInput} per request input.
     *
     * @throws UnsupportedFeatureException if an input holds more than one content (text and image interleaved)
     * @throws IllegalArgumentException    naming the position of an input without usable content
     */
    public static List<ClipInput> toClipInputs(EmbeddingRequest request) {
        List<EmbeddingInput> inputs = request.inputs();
        List<ClipInput> clipInputs = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            EmbeddingInput input = inputs.get(i);
            if (input == null || input.contents().isEmpty()) {
                throw InputErrors.invalid(i, "has no content");
            }
            if (input.contents().size() > 1) {
                throw new UnsupportedFeatureException(InputErrors.message(i, "has " + input.contents().size()
                        + " contents: jina-clip embeds one text or one image per input;"
                        + " interleaved text+image is not supported"));
            }
            clipInputs.add(toClipInput(i, input.contents().get(0)));
        }
        return clipInputs;
    }

    /** The engine's input type for the request's {@code INPUT_TYPE} parameter (documents when absent). */
    public static ClipInputType inputType(EmbeddingRequest request) {
        return request.inputType() == EmbeddingInputType.QUERY ? ClipInputType.QUERY : ClipInputType.DOCUMENT;
    }

    /** The LangChain4j response for an engine result. */
    public static EmbeddingResponse toResponse(ClipEmbeddings result) {
        List<Embedding> embeddings = new ArrayList<>(result.vectors().size());
        result.vectors().forEach(vector -> embeddings.add(Embedding.from(vector)));
        return EmbeddingResponse.builder()
                .embeddings(embeddings)
                .metadata(ClipEmbeddingResponseMetadata.clipBuilder()
                        .modelName(result.modelName())
                        .tokenUsage(new TokenUsage(result.usage().promptTokens(), 0, result.usage().totalTokens()))
                        .imageTokens(result.usage().imageTokens())
                        .imageTokensSaved(result.usage().imageTokensSaved())
                        .build())
                .build();
    }

    /**
     * The {@link ClipInput} of one content.
     *
     * @throws UnsupportedFeatureException for a content type other than text and image
     * @throws IllegalArgumentException    naming the position, for a text or image without a value
     */
    public static ClipInput toClipInput(int position, Content content) {
        if (content instanceof TextContent text) {
            if (text.text() == null) {
                throw InputErrors.invalid(position, "text is null");
            }
            return ClipInput.text(text.text());
        }
        if (content instanceof ImageContent imageContent) {
            Image image = imageContent.image();
            if (image == null) {
                throw InputErrors.invalid(position, "image is null");
            }
            if (image.url() != null) {
                return ClipInput.imageUrl(image.url());
            }
            if (image.base64Data() != null) {
                return ClipInput.imageBase64(image.base64Data());
            }
            throw InputErrors.invalid(position, "image has neither a URL nor base64 data");
        }
        throw new UnsupportedFeatureException(InputErrors.message(position, "content type " + content.type()
                + " is not supported; jina-clip embeds TEXT and IMAGE"));
    }
}
