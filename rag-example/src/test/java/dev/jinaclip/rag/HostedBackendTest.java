package dev.jinaclip.rag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.langchain4j.JinaClipApiEmbeddingModel;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.retrieval.SearchHit;
import dev.jinaclip.rag.retrieval.SearchResponse;
import dev.jinaclip.rag.retrieval.SearchService;
import dev.jinaclip.testing.FakeJinaApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same app on the hosted backend, by one property ({@code spring.ai.jina-clip.backend=api}), against a local
 * stand-in for the Jina API: the corpus goes to the API as texts and base64 images, and searches work as on the
 * local backend.
 */
@SpringBootTest(properties = {"spring.ai.jina-clip.backend=api", "spring.ai.jina-clip.api-key=jina_test_key"})
class HostedBackendTest {

    static final FakeJinaApi api = new FakeJinaApi(768);
    static final MockWebServer server = started(api);
    static final Path ROOT = root();

    @Autowired
    MultimodalEmbeddingModel model;

    @Autowired
    CorpusIngestor ingestor;

    @Autowired
    SearchService search;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.jina-clip.base-url", () -> server.url("/").toString());
        registry.add("rag.corpus-dir", () -> TestCorpus.write(ROOT.resolve("corpus")).toString());
        registry.add("rag.data-dir", () -> ROOT.resolve("data").toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void should_index_and_search_through_the_jina_api() {
        // when: the corpus was indexed at start-up
        SearchResponse response = search.searchText("red", 8, true);

        // then
        assertThat(model).isInstanceOf(JinaClipApiEmbeddingModel.class);
        assertThat(ingestor.lastReport().passages()).isEqualTo(4);
        assertThat(ingestor.lastReport().images()).isEqualTo(4);
        assertThat(response.results()).hasSize(8).extracting(SearchHit::modality).contains("text", "image");
        List<JsonNode> inputs = api.requests().stream()
                .flatMap(body -> StreamSupport.stream(body.get("input").spliterator(), false)).toList();
        assertThat(inputs).anySatisfy(input -> assertThat(input.path("image").asText())
                .startsWith("iVBORw0KGgo")); // a base64 PNG of the corpus
        assertThat(inputs).anySatisfy(input -> assertThat(input.toString()).contains("Red apples"));
    }

    private static MockWebServer started(FakeJinaApi dispatcher) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(dispatcher);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    private static Path root() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-apps")), "hosted-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
