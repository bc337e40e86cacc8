package dev.jinaclip.langchain4j;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.langchain4j.internal.ContentMapper;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.segment.TextSegment;
import java.util.Objects;

/**
 * LangChain4j's texts and images as the engines' {@link ClipInput}s, mapped as {@link JinaClipEmbeddingModel}
 * maps them: for {@link dev.jinaclip.core.cost.TokenEstimator} or a {@link dev.jinaclip.core.ClipEngine} called
 * directly.
 *
 * <pre>{@code
 * long tokens = TokenEstimator.of(JinaClipModel.JINA_CLIP_V1)
 *         .estimate(List.of(ClipInputs.of(image), ClipInputs.of(segment))).tokens();
 * }</pre>
 */
public final class ClipInputs {

    private ClipInputs() {
    }

    /**
     * The input of an image: its URL when it has one, else its base64 data.
     *
     * @throws IllegalArgumentException if it has neither
     */
    public static ClipInput of(Image image) {
        return ContentMapper.toClipInput(0, ImageContent.from(Objects.requireNonNull(image, "image")));
    }

    /** The input of a segment's text. */
    public static ClipInput of(TextSegment segment) {
        return ContentMapper.toClipInput(0, TextContent.from(Objects.requireNonNull(segment, "segment").text()));
    }
}
