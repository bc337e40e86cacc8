package dev.jinaclip.langchain4j;

import dev.langchain4j.model.embedding.response.EmbeddingResponseMetadata;
import java.util.Objects;

/**
 * Response metadata of the jina-clip models: the model name and token usage, plus the tokens billed for
 * images when the backend reports them.
 */
public class ClipEmbeddingResponseMetadata extends EmbeddingResponseMetadata {

    private final Integer imageTokens;

    protected ClipEmbeddingResponseMetadata(Builder builder) {
        super(builder);
        this.imageTokens = builder.imageTokens;
    }

    /** Tokens billed for images (the hosted API's {@code usage.image_tokens}), or {@code null} if not reported. */
    public Integer imageTokens() {
        return imageTokens;
    }

    /** A builder of metadata that can carry the image tokens. */
    public static Builder clipBuilder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClipEmbeddingResponseMetadata that && super.equals(other)
                && Objects.equals(imageTokens, that.imageTokens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), imageTokens);
    }

    @Override
    public String toString() {
        return "ClipEmbeddingResponseMetadata{modelName=" + modelName() + ", tokenUsage=" + tokenUsage()
                + ", imageTokens=" + imageTokens + "}";
    }

    /** Builds {@link ClipEmbeddingResponseMetadata}. */
    public static class Builder extends EmbeddingResponseMetadata.Builder<Builder> {
        private Integer imageTokens;

        /** Tokens billed for images, or {@code null}. */
        public Builder imageTokens(Integer imageTokens) {
            this.imageTokens = imageTokens;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ClipEmbeddingResponseMetadata build() {
            return new ClipEmbeddingResponseMetadata(this);
        }
    }
}
