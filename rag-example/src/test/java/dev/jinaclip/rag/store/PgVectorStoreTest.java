package dev.jinaclip.rag.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.rag.TestCorpus;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.IngestionReport;
import dev.jinaclip.rag.retrieval.SearchHit;
import dev.jinaclip.rag.retrieval.SearchService;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The app with the {@code pgvector} profile on a real PostgreSQL with pgvector, started by Testcontainers
 * ({@code pgvector/pgvector:pg17}): ingestion, re-ingestion and search go through LangChain4j's
 * PgVectorEmbeddingStore. Needs a Docker engine; without one it is skipped with that reason (PgVectorLinkageTest
 * still runs the store's code against langchain4j-core 1.19.0).
 */
@EnabledIf(value = "dockerAvailable", disabledReason = "needs a Docker engine to start PostgreSQL with pgvector"
        + " (Testcontainers), and none is reachable here")
@Testcontainers
@ActiveProfiles("pgvector")
@SpringBootTest(properties = {"spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.intra-op-threads=1"})
class PgVectorStoreTest {

    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer(
            DockerImageName.parse("pgvector/pgvector:pg17").asCompatibleSubstituteFor("postgres"));

    static final Path ROOT = root();

    @Autowired
    EmbeddingStore<TextSegment> store;

    @Autowired
    CorpusIngestor ingestor;

    @Autowired
    SearchService search;

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", postgres::getJdbcUrl);
        registry.add("spring.datasource.username", postgres::getUsername);
        registry.add("spring.datasource.password", postgres::getPassword);
        registry.add("spring.ai.jina-clip.onnx.model-dir", () -> TestCorpus.semanticModel(ROOT.resolve("model"))
                .toString());
        registry.add("rag.corpus-dir", () -> TestCorpus.write(ROOT.resolve("corpus")).toString());
        registry.add("rag.data-dir", () -> ROOT.resolve("data").toString());
    }

    @Test
    void should_index_search_and_update_the_corpus_in_postgresql() throws IOException {
        // given: indexed at start-up
        assertThat(store).isInstanceOf(PgVectorEmbeddingStore.class);
        assertThat(ingestor.lastReport().passages()).isEqualTo(4);

        // when
        List<SearchHit> red = search.searchText("a red apple", 2, false).results();
        Files.delete(ROOT.resolve("corpus/images/red.png"));
        IngestionReport report = ingestor.ingest();
        List<SearchHit> afterwards = search.searchText("a red apple", 2, false).results();

        // then
        assertThat(red).extracting(SearchHit::source).containsExactly("images/red.png", "texts/red.md");
        assertThat(report.removed()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(7);
        assertThat(afterwards).extracting(SearchHit::source).doesNotContain("images/red.png");
    }

    private static Path root() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-apps")), "pgvector-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
