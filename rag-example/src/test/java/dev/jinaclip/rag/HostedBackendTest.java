package dev.jinaclip.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.HostedCost;
import dev.jinaclip.rag.retrieval.InvalidSearchException;
import dev.jinaclip.rag.retrieval.SearchHit;
import dev.jinaclip.rag.retrieval.SearchResponse;
import dev.jinaclip.rag.retrieval.SearchService;
import dev.jinaclip.testing.FakeJinaApi;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
    /** Whether the API answers requests with images as it answers an image it cannot decode: 400. */
    static final AtomicBoolean refuseImages = new AtomicBoolean();
    static final MockWebServer server = started(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (refuseImages.get() && request.getBody().utf8().contains("\"image\"")) {
                return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                        .body("{\"detail\":\"Image could not be decoded\"}").build();
            }
            return api.dispatch(request);
        }
    });
    static final Path ROOT = root();

    @Autowired
    ClipEngine engine;

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
        assertThat(engine).isInstanceOf(JinaClipApiClient.class);
        assertThat(ingestor.lastReport().passages()).isEqualTo(4);
        assertThat(ingestor.lastReport().images()).isEqualTo(4);
        assertThat(response.results()).hasSize(8).extracting(SearchHit::modality).contains("text", "image");
        List<JsonNode> inputs = api.requests().stream()
                .flatMap(body -> StreamSupport.stream(body.get("input").spliterator(), false)).toList();
        assertThat(inputs).anySatisfy(input -> assertThat(input.path("image").asText())
                .startsWith("iVBORw0KGgo")); // a base64 PNG of the corpus
        assertThat(inputs).anySatisfy(input -> assertThat(input.toString()).contains("Red apples"));
    }

    @Test
    void should_estimate_the_corpus_cost_by_the_rule_of_thumb_without_the_local_tokenizer() {
        HostedCost cost = ingestor.lastReport().hostedCost();

        assertThat(cost.exactText()).isFalse();
        // ceil(1.1 × words) + 2 for the passages of 10, 7, 12 and 9 words; a jina-clip-v1 tile per image
        assertThat(cost.textTokens()).isEqualTo(13 + 10 + 16 + 12);
        assertThat(cost.imageTokens()).isEqualTo(4 * 1000);
    }

    @Test
    void should_answer_an_upload_the_api_cannot_decode_as_an_invalid_search() {
        // given
        byte[] broken = new byte[64];
        System.arraycopy(TestCorpus.png(Color.RED), 0, broken, 0, 8); // a PNG signature, then nothing valid
        refuseImages.set(true);
        try {
            // when / then
            assertThatThrownBy(() -> search.searchImage(broken, "broken.png", 3))
                    .isInstanceOf(InvalidSearchException.class)
                    .hasMessageStartingWith("The upload could not be read as an image: ").hasMessageContaining("400");
        } finally {
            refuseImages.set(false);
        }
    }

    private static MockWebServer started(Dispatcher dispatcher) {
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
