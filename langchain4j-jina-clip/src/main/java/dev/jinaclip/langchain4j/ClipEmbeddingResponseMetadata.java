package dev.jinaclip.langchain4j;

import dev.langchain4j.model.embedding.response.EmbeddingResponseMetadata;
import java.util.Objects;

/**
 * Response metadata of the jina-clip models: the model name and token usage, plus the tokens billed for
 * images when the backend reports them and the image tokens the hosted backend's image token saver saved.
 */
public class ClipEmbeddingResponseMetadata extends EmbeddingResponseMetadata {

    private final Integer imageTokens;
    private final Integer imageTokensSaved;

    protected ClipEmbeddingResponseMetadata(Builder builder) {
        super(builder);
        this.imageTokens = builder.imageTokens;
        this.imageTokensSaved = builder.imageTokensSaved;
    }

    /** Tokens billed for images (the hosted API's {@code usage.image_tokens}), or {@code null} if not reported. */
    public Integer imageTokens() {
        return imageTokens;
    }

    /**
     * Image tokens kept off the bill by the image token saver ({@code imageTokenSaver(true)} on the hosted backend),
     * or {@code null} when it is off; see {@link dev.jinaclip.core.ClipUsage#imageTokensSaved()}.
     */
    public Integer imageTokensSaved() {
        return imageTokensSaved;
    }

    /** A builder of metadata that can carry the image tokens. */
    public static Builder clipBuilder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClipEmbeddingResponseMetadata that && super.equals(other)
                && Objects.equals(imageTokens, that.imageTokens)
                && Objects.equals(imageTokensSaved, that.imageTokensSaved);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), imageTokens, imageTokensSaved);
    }

    @Override
    public String toString() {
        return "ClipEmbeddingResponseMetadata{modelName=" + modelName() + ", tokenUsage=" + tokenUsage()
                + ", imageTokens=" + imageTokens + ", imageTokensSaved=" + imageTokensSaved + "}";
    }

    /** Builds {@link ClipEmbeddingResponseMetadata}. */
    public static class Builder extends EmbeddingResponseMetadata.Builder<Builder> {
        private Integer imageTokens;
        private Integer imageTokensSaved;

        /** Tokens billed for images, or {@code null}. */
        public Builder imageTokens(Integer imageTokens) {
            this.imageTokens = imageTokens;
            return this;
        }

        /** Image tokens the image token saver saved, or {@code null}. */
        public Builder imageTokensSaved(Integer imageTokensSaved) {
            this.imageTokensSaved = imageTokensSaved;
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
