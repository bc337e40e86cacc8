package dev.jinaclip.server;

import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.testing.Fixtures;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus} counts what a request embedded, the engine call it took, and its latency. */
class MetricsTest extends ServerTest {

    String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sum of the samples of {@code series} whose labels contain {@code label} (0 when there are none). */
    static double value(String scrape, String series, String label) {
        return scrape.lines().filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
                .filter(line -> line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aRequestIsCountedByItsInputsTokensEngineCallAndLatency() throws Exception {
        String before = scrape();
        List<ClipInput> inputs = List.of(ClipInput.text("red"), ClipInput.text("blue"),
                ClipInput.imageBytes(Fixtures.solidPng(Color.RED, 64, 64)));
        try (JinaClipApiClient client = new JinaClipApiClient(JinaClipApiConfig.builder().baseUrl(baseUrl())
                .apiKey(KEY).model(JinaClipModel.JINA_CLIP_V1).maxRetries(0).build())) {
            client.embed(inputs);
        }
        String after = scrape();

        assertThat(delta(before, after, "jina_clip_server_inputs_total", "kind=\"text\"")).isEqualTo(2);
        assertThat(delta(before, after, "jina_clip_server_inputs_total", "kind=\"image\"")).isEqualTo(1);
        // one 64x64 tile: 1,000 tokens, beside the texts' own
        assertThat(delta(before, after, "jina_clip_server_tokens_total", "")).isGreaterThan(1000);
        assertThat(delta(before, after, "jina_clip_server_engine_calls_seconds_count", "")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "jina_clip_server_batch_inputs_sum", "")).isGreaterThanOrEqualTo(3);
        assertThat(after).contains("jina_clip_server_batch_requests_bucket", "jina_clip_server_queue_depth",
                "jina_clip_server_refused_total");
        assertThat(delta(before, after, "http_server_requests_seconds_count", "uri=\"/v1/embeddings\""))
                .isEqualTo(1);
        assertThat(after).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/v1/embeddings\"");
    }

    static double delta(String before, String after, String series, String label) {
        return value(after, series, label) - value(before, series, label);
    }
}
