package dev.jinaclip.rag.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.rag.TestCorpus;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /corpus/<path>} and {@code /thumbnails/<name>} against the running server, with paths sent as written
 * (no {@code ..} resolved by a client): only files the index holds are served, from inside the corpus folder; the
 * rest is 404 with a problem body. The app runs on its own corpus, which the tests change after indexing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.ai.jina-clip.backend=onnx",
        "spring.ai.jina-clip.onnx.intra-op-threads=1",
        "rag.exclude=LICENSES.md,secret/**"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusFilesTest {

    static final Path ROOT = TestCorpus.appRoot("files-");
    static final Path MODEL = TestCorpus.semanticModel(ROOT.resolve("model"));
    static final Path CORPUS = TestCorpus.write(ROOT.resolve("corpus"));
    static final Path DATA = ROOT.resolve("data");
    static final Path OUTSIDE = ROOT.resolve("outside");

    @Autowired
    CorpusIngestor ingestor;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.jina-clip.onnx.model-directory", MODEL::toString);
        registry.add("rag.corpus-dir", CORPUS::toString);
        registry.add("rag.data-dir", DATA::toString);
    }

    /**
     * Beside the test corpus: files excluded, hidden, linked from outside and linked to excluded or hidden files
     * (which the scanner does not index);
     * indexed; then files created, deleted and swapped for links since.
     */
    @BeforeAll
    void corpusChangedSinceIndexing() throws IOException {
        Files.createDirectories(OUTSIDE);
        Files.writeString(OUTSIDE.resolve("private.txt"), "A private note outside the corpus.");
        Files.createDirectories(CORPUS.resolve("secret"));
        Files.writeString(CORPUS.resolve("secret/key.txt"), "The key is 1234.");
        Files.createDirectories(CORPUS.resolve(".hidden"));
        Files.writeString(CORPUS.resolve(".hidden/notes.txt"), "Hidden notes.");
        Files.writeString(CORPUS.resolve(".notes.txt"), "Hidden notes.");
        Files.createSymbolicLink(CORPUS.resolve("texts/outside.txt"), OUTSIDE.resolve("private.txt"));
        Files.createSymbolicLink(CORPUS.resolve("linked"), OUTSIDE);
        Files.createSymbolicLink(CORPUS.resolve("texts/alias.txt"), CORPUS.resolve("texts/blue.txt"));
        Files.createSymbolicLink(CORPUS.resolve("texts/key.txt"), CORPUS.resolve("secret/key.txt"));
        Files.createSymbolicLink(CORPUS.resolve("texts/notes.txt"), CORPUS.resolve(".hidden/notes.txt"));
        ingestor.ingest(); // indexes the additions; @SpringBootTest has waited for the run at start-up

        Files.writeString(CORPUS.resolve("texts/new.txt"), "Written after indexing.");
        Files.delete(CORPUS.resolve("texts/weather.txt"));
        Files.delete(CORPUS.resolve("texts/cats.md"));
        Files.createSymbolicLink(CORPUS.resolve("texts/cats.md"), OUTSIDE.resolve("private.txt"));
        Files.delete(CORPUS.resolve("images/grey.png"));
        Files.createSymbolicLink(CORPUS.resolve("images/grey.png"), CORPUS.resolve(".hidden/notes.txt"));
        Files.createDirectories(DATA.resolve("thumbnails"));
        Files.write(DATA.resolve("thumbnails").resolve("ab".repeat(32) + ".jpg"), TestCorpus.noiseJpeg(32, 32));
    }

    @Test
    void should_serve_an_indexed_file_with_its_media_type() throws IOException {
        Response text = get("/corpus/texts/blue.txt");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(text.text()).isEqualTo(Files.readString(CORPUS.resolve("texts/blue.txt")));

        Response markdown = get("/corpus/texts/red.md");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.contentType()).isEqualTo("text/markdown;charset=UTF-8");

        Response image = get("/corpus/images/red.png");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.body()).isEqualTo(Files.readAllBytes(CORPUS.resolve("images/red.png")));
    }

    @Test
    void should_serve_an_indexed_link_to_a_file_inside_the_corpus() throws IOException {
        Response alias = get("/corpus/texts/alias.txt");

        assertThat(alias.status()).isEqualTo(200);
        assertThat(alias.text()).isEqualTo(Files.readString(CORPUS.resolve("texts/blue.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/corpus/LICENSES.md", // excluded by rag.exclude
            "/corpus/secret/key.txt", // excluded by secret/**
            "/corpus/.hidden/notes.txt", // in a hidden folder
            "/corpus/.notes.txt", // hidden
            "/corpus/texts/outside.txt", // a link to a file outside the corpus
            "/corpus/linked/private.txt", // in a linked folder outside the corpus
            "/corpus/texts/new.txt", // created after indexing
            "/corpus/texts/weather.txt", // deleted after indexing
            "/corpus/texts/cats.md", // swapped for a link to outside after indexing
            "/corpus/texts/key.txt", // a link to an excluded file
            "/corpus/texts/notes.txt", // a link to a file in a hidden folder
            "/corpus/images/grey.png", // swapped for a link to a hidden file after indexing
            "/corpus/images/", // a folder
            "/corpus/data.csv" // never indexable
    })
    void should_answer_404_for_a_file_the_index_does_not_hold(String path) throws IOException {
        notFound(get(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/corpus/../data/ledger.json",
            "/corpus/texts/../../outside/private.txt",
            "/corpus/%2e%2e/outside/private.txt",
            "/corpus/texts/%2e%2e/%2e%2e/outside/private.txt",
            "/corpus/texts/%2E%2E/%2E%2E/data/ledger.json"
    })
    void should_answer_404_to_a_traversal_out_of_the_corpus(String path) throws IOException {
        Response response = get(path);

        assertThat(response.text()).doesNotContain("private note").doesNotContain("embedder");
        notFound(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/corpus/%2e%2e%2foutside%2fprivate.txt", "/thumbnails/..%2fledger.json"})
    void should_refuse_an_encoded_slash_before_the_app_sees_it(String path) throws IOException {
        // Tomcat rejects %2F in a path with its own 400 page (encodedSolidusHandling=reject)
        Response response = get(path);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).doesNotContain("private note").doesNotContain("embedder");
    }

    @Test
    void should_serve_only_the_thumbnails_of_indexed_images() throws IOException {
        Response held = get("/api/search?q=red&k=1");
        String thumbnail = held.text().replaceAll("(?s).*\"thumbnailUrl\":\"([^\"]+)\".*", "$1");
        assertThat(get(thumbnail).status()).isEqualTo(200);
        assertThat(get(thumbnail).contentType()).isEqualTo("image/jpeg");

        notFound(get("/thumbnails/" + "ab".repeat(32) + ".jpg")); // a file there, but no indexed image uses it
        notFound(get("/thumbnails/" + "0".repeat(64) + ".jpg"));
        notFound(get("/thumbnails/%2e%2e/ledger.json"));
    }

    private static void notFound(Response response) {
        String text = response.text();
        assertThat(response.status()).as(text.substring(0, Math.min(text.length(), 200))).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.text()).contains("\"status\":404").contains("\"title\":\"Not Found\"");
    }

    /** A GET of this raw path: java.net.http sends it as written, with no {@code ..} resolved. */
    private Response get(String path) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private record Response(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
