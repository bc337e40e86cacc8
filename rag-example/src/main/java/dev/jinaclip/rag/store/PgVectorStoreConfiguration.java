package dev.jinaclip.rag.store;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.RagProperties;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The store of the {@code pgvector} profile: LangChain4j's {@link PgVectorEmbeddingStore} in PostgreSQL with the
 * pgvector extension, over Spring Boot's {@link DataSource} ({@code spring.datasource.*}), for corpora that outgrow
 * one machine's memory or are shared by several instances of the app.
 */
@Configuration(proxyBeanMethods = false)
@Profile("pgvector")
public class PgVectorStoreConfiguration {

    /** The store; creates the table (vector dimension 768 for jina-clip-v1) when it is missing and allowed to. */
    @Bean
    public EmbeddingStore<TextSegment> embeddingStore(DataSource dataSource, MultimodalEmbeddingModel model,
            RagProperties properties) {
        return PgVectorEmbeddingStore.datasourceBuilder()
                .datasource(dataSource)
                .table(properties.pgvector().table())
                .dimension(model.dimension())
                .createTable(properties.pgvector().createTable())
                .build();
    }

    /** Every write is already durable in the database. */
    @Bean
    public StoreCheckpoint pgVectorStoreCheckpoint() {
        return () -> {
        };
    }
}
