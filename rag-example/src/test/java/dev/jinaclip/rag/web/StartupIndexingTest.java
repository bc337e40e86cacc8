package dev.jinaclip.rag.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.jinaclip.rag.TestApp;
import dev.jinaclip.rag.TestCorpus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The app while and after it indexes at start-up, as a client sees it over HTTP: the state and progress in
 * /api/status and in search responses, the readiness probe, and a start-up run that fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupIndexingTest {

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void should_report_progress_and_refuse_traffic_until_the_start_up_indexing_has_finished() throws Exception {
        // given: the model holds the start-up run after the first file (images/blue.png)
        try (TestApp app = TestApp.start(TestCorpus.write(dir.resolve("corpus")), dir.resolve("data"), true)) {
            await(app, "$.indexing.filesDone", done -> Integer.valueOf(1).equals(done));

            // then: the status says where it is, and the app is not ready
            String status = get(app, "/api/status").body();
            assertThat((String) JsonPath.read(status, "$.indexing.state")).isEqualTo("indexing");
            assertThat((Integer) JsonPath.read(status, "$.indexing.filesTotal")).isEqualTo(8);
            assertThat((String) JsonPath.read(status, "$.indexing.currentFile")).isEqualTo("images/green.png");
            HttpResponse<String> readiness = get(app, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");

            // and: a search answers from what is indexed so far, and says that indexing is under way
            String search = get(app, "/api/search?q=blue&k=3").body();
            assertThat((String) JsonPath.read(search, "$.results[0].source")).isEqualTo("images/blue.png");
            assertThat((String) JsonPath.read(search, "$.indexing.state")).isEqualTo("indexing");
            assertThat((Integer) JsonPath.read(search, "$.indexing.filesDone")).isEqualTo(1);

            // and: a second run is refused with a problem body, not queued behind the first
            HttpResponse<String> again = post(app, "/api/ingest");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat((String) JsonPath.read(again.body(), "$.detail")).contains("already under way", "1 of 8");

            // when
            app.model().release();
            app.awaitStarted();

            // then
            status = get(app, "/api/status").body();
            assertThat((String) JsonPath.read(status, "$.indexing.state")).isEqualTo("ready");
            assertThat((Integer) JsonPath.read(status, "$.indexing.filesDone")).isEqualTo(8);
            assertThat((Object) JsonPath.read(status, "$.indexing.currentFile")).isNull();
            assertThat((Integer) JsonPath.read(status, "$.index.images")).isEqualTo(4);
            readiness = get(app, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("UP");
            assertThat((String) JsonPath.read(get(app, "/api/search?q=blue").body(), "$.indexing.state"))
                    .isEqualTo("ready");
        }
    }

    @Test
    void should_say_why_when_the_corpus_folder_is_missing(CapturedOutput output) throws Exception {
        // given
        Path missing = dir.resolve("no-such-folder");
        try (TestApp app = TestApp.start(missing, dir.resolve("data"), false)) {
            app.awaitStarted();

            // then: one clear line in the log, without a stack trace
            String reason = "The corpus folder " + missing.toAbsolutePath() + " does not exist";
            assertThat(output.getOut()).contains("Could not index the corpus: " + reason)
                    .doesNotContain("\tat ", "IllegalStateException");

            // and: the status says so
            String status = get(app, "/api/status").body();
            assertThat((String) JsonPath.read(status, "$.indexing.state")).isEqualTo("failed");
            assertThat((String) JsonPath.read(status, "$.indexing.error")).startsWith(reason);

            // and: a re-index answers a problem body with the reason
            HttpResponse<String> ingest = post(app, "/api/ingest");
            assertThat(ingest.statusCode()).isEqualTo(500);
            assertThat(ingest.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat((String) JsonPath.read(ingest.body(), "$.title")).isEqualTo("Indexing failed");
            assertThat((String) JsonPath.read(ingest.body(), "$.detail")).startsWith(reason)
                    .contains("rag.corpus-dir");
            assertThat((String) JsonPath.read(ingest.body(), "$.instance")).isEqualTo("/api/ingest");

            // and: the app is ready (it answers and says why), but its health is down
            assertThat(get(app, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            HttpResponse<String> health = get(app, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
        }
    }

    /** Polls /api/status until {@code path} satisfies {@code condition}; fails after 60 s with the last body. */
    private static void await(TestApp app, String path, Predicate<Object> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(app, "/api/status").body();
            try {
                if (condition.test(JsonPath.read(body, path))) {
                    return;
                }
            } catch (com.jayway.jsonpath.PathNotFoundException e) {
                // not there (yet): poll again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("/api/status never matched " + path + "; last: " + body);
    }

    static HttpResponse<String> get(TestApp app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(TestApp app, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
