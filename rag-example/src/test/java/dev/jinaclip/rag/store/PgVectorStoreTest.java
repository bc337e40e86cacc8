package dev.jinaclip.rag.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.RagExampleApplication;
import dev.jinaclip.rag.TestCorpus;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.CountingModel;
import dev.jinaclip.rag.ingest.IngestionReport;
import dev.jinaclip.rag.retrieval.SearchHit;
import dev.jinaclip.rag.retrieval.SearchService;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app as users start it with {@code --spring.profiles.active=pgvector}, on a real PostgreSQL with the pgvector
 * extension ({@link PgVectorDatabase}: Testcontainers where Docker runs, else PGlite): LangChain4j's
 * {@link PgVectorEmbeddingStore} (langchain4j-pgvector 1.11.0-beta19 on langchain4j-core 1.19.0) creates the
 * table, adds, searches with the modality filter, replaces a file's entries and empties the table. Each test has
 * its own table, corpus and data folder; the embedding model is counted to prove what was not re-embedded.
 */
class PgVectorStoreTest {

    @RegisterExtension
    static final PgVectorDatabase database = new PgVectorDatabase();

    /** A bound for a hang: the app starts in seconds. */
    private static final Duration READY_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    Path model;
    Path corpus;

    @BeforeEach
    void setUp() {
        model = TestCorpus.semanticModel(dir.resolve("model"));
        corpus = TestCorpus.write(dir.resolve("corpus"));
    }

    @Test
    void should_index_search_both_modalities_and_reindex_a_changed_and_a_deleted_file() throws Exception {
        try (ConfigurableApplicationContext app = start("rag_reindex", dir.resolve("data"))) {
            // given: indexed at start-up
            SearchService search = app.getBean(SearchService.class);
            IngestionReport indexed = app.getBean(CorpusIngestor.class).lastReport();

            // when
            List<SearchHit> byText = search.searchText("a red apple", 2, false).results();
            List<SearchHit> byImage = search.searchImage(TestCorpus.png(Color.BLUE), "sky.png", 2).results();
            Files.writeString(corpus.resolve("texts/weather.txt"), "Green hills after the rain.\n");
            Files.delete(corpus.resolve("images/red.png"));
            IngestionReport reindexed = app.getBean(CorpusIngestor.class).ingest();
            List<SearchHit> green = search.searchText("green", 2, false).results();
            List<SearchHit> red = search.searchText("a red apple", 8, false).results();

            // then
            assertThat(app.getBean(EmbeddingStore.class)).isInstanceOf(PgVectorEmbeddingStore.class);
            assertThat(indexed.added()).isEqualTo(8);
            assertThat(byText).extracting(SearchHit::source).containsExactly("images/red.png", "texts/red.md");
            assertThat(byImage).extracting(SearchHit::source).containsExactly("images/blue.png", "texts/blue.txt");
            assertThat(byImage.get(0).cosine()).isGreaterThan(0.99);
            assertThat(reindexed.updated()).isEqualTo(1);
            assertThat(reindexed.removed()).isEqualTo(1);
            assertThat(reindexed.unchanged()).isEqualTo(6);
            assertThat(green).extracting(SearchHit::source).containsExactly("images/green.png", "texts/weather.txt");
            assertThat(green.get(1).text()).isEqualTo("Green hills after the rain.");
            assertThat(red).extracting(SearchHit::source).doesNotContain("images/red.png");
            assertThat(rows(app, "rag_reindex")).containsExactly(
                    Map.of("source", "images/blue.png", "text", "Image blue.png"),
                    Map.of("source", "images/green.png", "text", "Image green.png"),
                    Map.of("source", "images/grey.png", "text", "Image grey.png"),
                    Map.of("source", "texts/blue.txt", "text", "The blue sea under the blue sky."),
                    Map.of("source", "texts/cats.md", "text",
                            "Cats sleep most of the day and purr when they are content."),
                    Map.of("source", "texts/red.md", "text", "# Apples\n\n" + TestCorpus.RED_TEXT),
                    Map.of("source", "texts/weather.txt", "text", "Green hills after the rain."));
        }
    }

    @Test
    void should_reembed_nothing_after_a_restart_and_hold_no_duplicates_after_an_instance_without_the_ledger()
            throws InterruptedException {
        // given: indexed once
        Path data = dir.resolve("data");
        try (ConfigurableApplicationContext first = start("rag_restart", data)) {
            assertThat(embeddedInputs(first)).isEqualTo(8);
        }

        // when: the same instance again, then one with a data folder of its own (another machine)
        IngestionReport restarted;
        int embeddedOnRestart;
        List<SearchHit> afterRestart;
        try (ConfigurableApplicationContext again = start("rag_restart", data)) {
            restarted = again.getBean(CorpusIngestor.class).lastReport();
            embeddedOnRestart = embeddedInputs(again);
            afterRestart = again.getBean(SearchService.class).searchText("a red apple", 2, false).results();
        }
        IngestionReport other;
        int embeddedByOther;
        List<Map<String, Object>> rows;
        try (ConfigurableApplicationContext another = start("rag_restart", dir.resolve("other-data"))) {
            other = another.getBean(CorpusIngestor.class).lastReport();
            embeddedByOther = embeddedInputs(another);
            rows = rows(another, "rag_restart");
        }

        // then
        assertThat(embeddedOnRestart).isZero();
        assertThat(restarted.unchanged()).isEqualTo(8);
        assertThat(afterRestart).extracting(SearchHit::source).containsExactly("images/red.png", "texts/red.md");
        assertThat(embeddedByOther).isEqualTo(8);
        assertThat(other.added()).isEqualTo(8);
        assertThat(rows).hasSize(8).doesNotHaveDuplicates();
    }

    /**
     * Starts the app on the test database, with {@code rag.pgvector.table=table}, and waits until it is ready to
     * serve (after the start-up ingestion). Its embedding model is a {@link CountingModel}.
     */
    private ConfigurableApplicationContext start(String table, Path data) throws InterruptedException {
        List<String> arguments = new ArrayList<>(database.springArguments());
        arguments.addAll(List.of("--spring.profiles.active=pgvector", "--server.port=0",
                "--spring.main.banner-mode=off", "--spring.ai.jina-clip.backend=onnx",
                "--spring.ai.jina-clip.onnx.intra-op-threads=1", "--spring.ai.jina-clip.onnx.model-directory=" + model,
                "--rag.corpus-dir=" + corpus, "--rag.data-dir=" + data, "--rag.pgvector.table=" + table));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RagExampleApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(countEmbeddings()))
                .run(arguments.toArray(String[]::new));
        ApplicationAvailability availability = app.getBean(ApplicationAvailability.class);
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            if (System.nanoTime() > deadline) {
                app.close();
                throw new AssertionError("The app was not ready within " + READY_LIMIT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
        return app;
    }

    private static BeanPostProcessor countEmbeddings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof MultimodalEmbeddingModel model ? new CountingModel(model) : bean;
            }
        };
    }

    private static int embeddedInputs(ConfigurableApplicationContext app) {
        return ((CountingModel) app.getBean(MultimodalEmbeddingModel.class)).inputs();
    }

    /** The table's rows as PostgreSQL holds them, through the app's own pool. */
    private static List<Map<String, Object>> rows(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcTemplate.class).queryForList("SELECT metadata->>'source' AS source, text FROM "
                + table + " ORDER BY source, metadata->>'passage'");
    }
}
