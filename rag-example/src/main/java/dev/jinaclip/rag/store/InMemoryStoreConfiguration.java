package dev.jinaclip.rag.store;

import dev.jinaclip.rag.RagProperties;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The default store: LangChain4j's {@link InMemoryEmbeddingStore}, which needs no server, saved to
 * {@code <data-dir>/embeddings.json} after each ingestion run and loaded from it at start-up, so a restart does
 * not re-embed the corpus.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!pgvector")
public class InMemoryStoreConfiguration {

    /** The store file's name in the data folder. */
    public static final String FILE_NAME = "embeddings.json";

    private static final Logger log = LoggerFactory.getLogger(InMemoryStoreConfiguration.class);

    /** The store, with the saved entries when the file exists. */
    @Bean
    public InMemoryEmbeddingStore<TextSegment> embeddingStore(RagProperties properties) {
        Path file = properties.dataDir().resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new InMemoryEmbeddingStore<>();
        }
        log.info("Loading the embedding store from {}", file.toAbsolutePath());
        return InMemoryEmbeddingStore.fromFile(file);
    }

    /** Writes the store to its file, through a temporary file, so a crash never leaves half a file. */
    @Bean
    public StoreCheckpoint inMemoryStoreCheckpoint(InMemoryEmbeddingStore<TextSegment> store,
            RagProperties properties) {
        Path file = properties.dataDir().resolve(FILE_NAME);
        return () -> {
            try {
                Files.createDirectories(file.getParent());
                Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
                store.serializeToFile(temporary);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot save the embedding store to " + file.toAbsolutePath(), e);
            }
        };
    }
}
