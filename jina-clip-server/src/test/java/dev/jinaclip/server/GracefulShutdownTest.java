package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.testing.Fixtures;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing the server (what SIGTERM does) lets the requests it admitted finish with their vectors: the web server
 * drains before the batcher and the engine are closed; a request after that is refused.
 */
class GracefulShutdownTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int IN_FLIGHT = 4;

    @Test
    void requestsInFlightWhenTheServerClosesAreAnsweredAndLaterOnesRefused() throws Exception {
        // a long batch window holds every request in the batcher for 2 s: still in flight when close() begins
        ConfigurableApplicationContext server = StartupTest.start("jina-clip.server.batch-window=2s");
        String url = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port")
                + "/v1/embeddings";
        HttpClient http = HttpClient.newHttpClient();
        List<String> texts = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            texts.add("request " + i + " in flight");
            answers.add(http.sendAsync(post(url, texts.get(i)), HttpResponse.BodyHandlers.ofString()));
        }
        AdmissionQueue queue = server.getBean(AdmissionQueue.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.depth() < IN_FLIGHT && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(queue.depth()).as("requests admitted").isEqualTo(IN_FLIGHT);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        Thread.sleep(500);
        assertThat(closing).as("close() waits for the requests in flight").isNotDone();
        // Tomcat's graceful shutdown has closed its listening socket: a new connection is refused
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(post(url, "too late"),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);

        closing.get(30, TimeUnit.SECONDS);
        try (JinaClipOnnxEngine inProcess = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder()
                .modelDirectory(Fixtures.model("semantic")).intraOpThreads(1).build())) {
            for (int i = 0; i < IN_FLIGHT; i++) {
                HttpResponse<String> answer = answers.get(i).get(1, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as("request %d: %s", i, answer.body()).isEqualTo(200);
                float[] served = Fixtures.floats(JSON.readTree(answer.body()).at("/data/0/embedding"));
                float[] expected = inProcess.embed(List.of(ClipInput.text(texts.get(i)))).vectors().get(0);
                assertThat(Fixtures.cosine(served, expected)).as("request %d", i).isGreaterThanOrEqualTo(0.99999);
            }
        }
    }

    static HttpRequest post(String url, String text) throws Exception {
        JsonNode body = JSON.createObjectNode().put("model", "jina-clip-v1").put("input", text);
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }
}
