package dev.jinaclip.rag.ingest;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.cost.TextTokenCounter;
import dev.jinaclip.core.cost.TokenEstimator;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.onnx.TokenizerTextCounter;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.store.StoreCheckpoint;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ingestion beans, and the run at start-up ({@code rag.ingest-on-startup}, on by default). */
@Configuration(proxyBeanMethods = false)
public class IngestionConfiguration {

    /**
     * The thumbnails in the data folder, made only of images that pass the engine's image checks: the local
     * backend's own image pipeline, or one with the default limits for the hosted backend.
     */
    @Bean
    public Thumbnails thumbnails(RagProperties properties, ClipEngine engine) {
        ClipImagePreprocessor imageChecks = engine instanceof JinaClipOnnxEngine local
                ? local.imagePreprocessor() : ClipImagePreprocessor.create();
        return new Thumbnails(properties.dataDir(), properties.thumbnailSize(), imageChecks);
    }

    /**
     * Counts passages as the hosted API bills them: exactly, with the model's own tokenizer, when the app runs the
     * local backend; else by Jina's rule of thumb. Spring closes the tokenizer.
     */
    @Bean
    public TextTokenCounter hostedTextTokenCounter(ClipEngine engine) {
        return engine instanceof JinaClipOnnxEngine local ? TokenizerTextCounter.load(local.files().tokenizer())
                : TextTokenCounter.ruleOfThumb();
    }

    /** Prices the corpus on the hosted API, for the engine's model, whichever backend embeds it. */
    @Bean
    public TokenEstimator hostedTokenEstimator(ClipEngine engine, TextTokenCounter hostedTextTokenCounter) {
        return TokenEstimator.of(engine.model(), hostedTextTokenCounter);
    }

    /** The ingestor of the corpus folder, which records the engine's identity beside the vectors. */
    @Bean
    public CorpusIngestor corpusIngestor(MultimodalEmbeddingModel model, ClipEngine engine,
            EmbeddingStore<TextSegment> store, StoreCheckpoint checkpoint, Thumbnails thumbnails,
            TokenEstimator hostedTokenEstimator, RagProperties properties) {
        return new CorpusIngestor(model, EmbedderIdentity.of(engine), store, checkpoint, thumbnails,
                hostedTokenEstimator, properties);
    }

    /**
     * Brings the index up to date at start-up, and keeps the app not ready (readiness {@code REFUSING_TRAFFIC},
     * {@code /actuator/health/readiness} answering 503) until the run has finished. The web server answers
     * meanwhile: {@code /api/status} shows the progress, searches say that indexing is under way.
     *
     * <p>A failed run (no corpus folder, the hosted API unreachable) still ends with the app ready: it serves what
     * was indexed before and says why, in the log, in {@code /api/status}, in search responses and on the page,
     * and {@code POST /api/ingest} retries; no probe would retry it, so a readiness that stayed down would only hide
     * that page. {@code /actuator/health} is {@code DOWN} until a run succeeds ({@link #indexHealthIndicator}).
     */
    @Bean
    public ApplicationRunner ingestOnStartup(CorpusIngestor ingestor, RagProperties properties) {
        return arguments -> {
            if (!properties.ingestOnStartup()) {
                return;
            }
            // Spring Boot refuses traffic (readiness) until every runner has returned, this one included
            try {
                ingestor.ingestAfterRunUnderWay();
            } catch (IngestionFailedException e) {
                // logged and kept in the ingestor's status; the app starts regardless (see above)
            }
        };
    }

    /** The index in {@code /actuator/health}: {@code DOWN} while the last run has failed, else {@code UP}. */
    @Bean
    public HealthIndicator indexHealthIndicator(CorpusIngestor ingestor) {
        return () -> {
            IndexingStatus status = ingestor.status();
            Health.Builder health = status.state() == IndexingStatus.State.FAILED
                    ? Health.down().withDetail("error", status.error()) : Health.up();
            return health.withDetail("state", status.state().value()).withDetail("files", status.progress()).build();
        };
    }
}
