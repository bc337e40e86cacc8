package dev.jinaclip.rag.ingest;

import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.langchain4j.JinaClipOnnxEmbeddingModel;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.store.StoreCheckpoint;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ingestion beans, and the run at start-up ({@code rag.ingest-on-startup}, on by default). */
@Configuration(proxyBeanMethods = false)
public class IngestionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngestionConfiguration.class);

    /**
     * The thumbnails in the data folder, made only of images that pass the model's image checks: the local
     * backend's own image pipeline, or one with the default limits for the hosted backend.
     */
    @Bean
    public Thumbnails thumbnails(RagProperties properties, MultimodalEmbeddingModel model) {
        ClipImagePreprocessor imageChecks = model instanceof JinaClipOnnxEmbeddingModel local
                ? local.engine().imagePreprocessor() : ClipImagePreprocessor.create();
        return new Thumbnails(properties.dataDir(), properties.thumbnailSize(), imageChecks);
    }

    /** The ingestor of the corpus folder. */
    @Bean
    public CorpusIngestor corpusIngestor(MultimodalEmbeddingModel model, EmbeddingStore<TextSegment> store,
            StoreCheckpoint checkpoint, Thumbnails thumbnails, RagProperties properties) {
        return new CorpusIngestor(model, store, checkpoint, thumbnails, properties);
    }

    /**
     * Brings the index up to date before the app reports itself ready. A failure (no corpus folder, the hosted
     * API unreachable) is logged and the app still starts, serving what was indexed before; POST /api/ingest
     * retries.
     */
    @Bean
    public ApplicationRunner ingestOnStartup(CorpusIngestor ingestor, RagProperties properties) {
        return arguments -> {
            if (!properties.ingestOnStartup()) {
                return;
            }
            try {
                ingestor.ingest();
            } catch (RuntimeException e) {
                log.error("Could not index the corpus at start-up: {}", e.getMessage(), e);
            }
        };
    }
}
