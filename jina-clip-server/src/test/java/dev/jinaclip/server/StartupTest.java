package dev.jinaclip.server;

import dev.jinaclip.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server says at start-up about its keys: a warning when it is open, never a key. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(JinaClipServerApplication.class)
                .properties("server.port=0", "spring.ai.jina-clip.onnx.intra-op-threads=1",
                        "spring.ai.jina-clip.onnx.model-directory=" + Fixtures.model("semantic"))
                .properties(properties).run();
    }

    @Test
    void withoutKeysTheEndpointIsOpenAndSaysSo(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext server = start()) {
            assertThat(output.getOut()).contains("No API keys configured (jina-clip.server.api-keys)");
            String port = server.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/embeddings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"jina-clip-v1\",\"input\":\"red\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void keysAreNeverLogged(CapturedOutput output) {
        try (ConfigurableApplicationContext server = start("jina-clip.server.api-keys=secret-one,secret-two",
                "logging.level.dev.jinaclip=DEBUG")) {
            assertThat(output.getAll()).contains("/v1/embeddings takes 2 API key(s)").doesNotContain("secret-");
        }
    }
}
