package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness probe asks the model; a model that no longer answers is DOWN. */
class HealthTest extends ServerTest {

    @Test
    void readinessIncludesTheModel() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.at("/components/model/status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/model/details/model").asText()).isEqualTo("jina-clip-v1");
        assertThat(body.at("/components/model/details/dimension").asInt()).isEqualTo(768);
    }

    @Test
    void aClosedEngineIsDown() {
        JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(MODEL)
                .intraOpThreads(1).build());
        ModelHealthIndicator indicator = new ModelHealthIndicator(engine);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        engine.close();
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("closed");
    }
}
