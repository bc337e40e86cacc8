package dev.jinaclip.springai;

import dev.jinaclip.core.ClipEngine;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.util.Assert;

/**
 * The settings both jina-clip Spring AI models take: the engine they call, the metadata embedded with a text
 * document, and where calls are observed.
 *
 * @param <B> the concrete builder
 * @param <M> the model it builds
 * @since 0.1.0
 */
public abstract class ClipModelBuilder<B extends ClipModelBuilder<B, M>, M> {

    final ClipEngine engine;
    MetadataMode metadataMode = MetadataMode.NONE;
    ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    @Nullable EmbeddingModelObservationConvention observationConvention;

    ClipModelBuilder(ClipEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine must not be null");
    }

    /**
     * Which document metadata is embedded with a text document's text; default {@link MetadataMode#NONE}:
     * the text alone, as jina-clip compares texts with images, which have no metadata.
     */
    public B metadataMode(MetadataMode metadataMode) {
        this.metadataMode = metadataMode;
        return self();
    }

    /** Where calls are observed; default {@link ObservationRegistry#NOOP}. */
    public B observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = observationRegistry;
        return self();
    }

    /** The observation convention; default: Spring AI's {@code DefaultEmbeddingModelObservationConvention}. */
    public B observationConvention(@Nullable EmbeddingModelObservationConvention observationConvention) {
        this.observationConvention = observationConvention;
        return self();
    }

    /** A model over the engine, which it calls but does not close. */
    public abstract M build();

    /** The shared call machinery, from these settings. */
    ClipEmbedder embedder() {
        Assert.notNull(metadataMode, "metadataMode must not be null");
        Assert.notNull(observationRegistry, "observationRegistry must not be null");
        return new ClipEmbedder(engine, observationRegistry, observationConvention);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
