package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent requests beyond the engine calls allowed at once all reach the batcher and are combined: eight
 * requests, one engine call at a time, a long window, give one engine call of eight requests.
 */
class ConcurrentBatchingTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int REQUESTS = 8;

    @Test
    void requestsBeyondTheConcurrentEngineCallsAreCombinedIntoOneCall() throws Exception {
        try (ConfigurableApplicationContext server = StartupTest.start("jina-clip.server.max-concurrent-batches=1",
                "jina-clip.server.batch-window=2s")) {
            String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            String before = scrape(http, base);

            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String text = "request " + i;
                answers.add(CompletableFuture.supplyAsync(() -> post(http, base, text, go)));
            }
            go.countDown();
            List<ClipInput> inputs = new ArrayList<>();
            List<float[]> served = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                JsonNode answer = answers.get(i).get(30, TimeUnit.SECONDS);
                inputs.add(ClipInput.text("request " + i));
                served.add(JSON.treeToValue(answer.at("/data/0/embedding"), float[].class));
            }
            String after = scrape(http, base);

            assertThat(MetricsTest.delta(before, after, "jina_clip_server_engine_calls_seconds_count", ""))
                    .as("engine calls").isEqualTo(1);
            assertThat(MetricsTest.delta(before, after, "jina_clip_server_batch_requests_sum", ""))
                    .as("requests combined").isEqualTo(REQUESTS);
            List<float[]> expected;
            try (JinaClipOnnxEngine inProcess = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder()
                    .modelDirectory(ServerTest.MODEL).intraOpThreads(1).build())) {
                expected = inProcess.embed(inputs).vectors();
            }
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(Fixtures.cosine(served.get(i), expected.get(i))).as("request %d", i)
                        .isGreaterThanOrEqualTo(0.99999);
            }
        }
    }

    static JsonNode post(HttpClient http, String base, String text, CountDownLatch go) {
        try {
            go.await();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/embeddings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"jina-clip-v1\",\"input\":[\"" + text
                            + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String scrape(HttpClient http, String base) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
