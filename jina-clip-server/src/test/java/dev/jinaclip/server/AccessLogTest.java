package dev.jinaclip.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinaclip.testing.Fixtures;
import dev.jinaclip.testing.LogCapture;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** One access-log line a request, refused ones included, with its facts as key/values and no image or key. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest extends ServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/]{40,}");
    static final String IMAGE = Base64.getEncoder().encodeToString(Fixtures.solidPng(Color.ORANGE, 64, 48));

    record Logged(HttpResponse<String> response, Map<String, Object> fields, String message) {
    }

    Logged send(String body, String authorization, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/embeddings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (requestId != null) {
            request.header(AccessLog.REQUEST_ID, requestId);
        }
        try (LogCapture log = new LogCapture(AccessLog.class, Level.INFO)) {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // the line is written once the answer has gone, maybe after the client has it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (log.events().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(50);
            List<ILoggingEvent> lines = log.events();
            assertThat(lines).as("one access-log line").hasSize(1);
            Map<String, Object> fields = new HashMap<>();
            lines.get(0).getKeyValuePairs().forEach(pair -> fields.put(pair.key, pair.value));
            return new Logged(response, fields, lines.get(0).getFormattedMessage());
        }
    }

    static String imageRequest() {
        ObjectNode body = JSON.createObjectNode().put("model", "jina-clip-v1");
        body.putArray("input").add(JSON.createObjectNode().put("text", "an orange"))
                .add(JSON.createObjectNode().put("image", IMAGE));
        return body.toString();
    }

    @Test
    void aServedRequestIsLoggedWithItsShapeCountsTokensAndSizes() throws Exception {
        String body = imageRequest();
        Logged logged = send(body, "Bearer " + KEY, "client-trace-7");
        JsonNode answer = JSON.readTree(logged.response().body());
        assertThat(logged.response().statusCode()).isEqualTo(200);
        assertThat(logged.response().headers().firstValue(AccessLog.REQUEST_ID)).hasValue("client-trace-7");
        assertThat(logged.fields()).containsEntry("request_id", "client-trace-7").containsEntry("method", "POST")
                .containsEntry("path", "/v1/embeddings").containsEntry("status", 200)
                .containsEntry("shape", "jina").containsEntry("inputs", 2).containsEntry("images", 1)
                .containsEntry("texts", 1).containsEntry("embedding_type", "float")
                .containsEntry("tokens", answer.at("/usage/total_tokens").asLong())
                .containsEntry("bytes_in", (long) body.length())
                .containsEntry("bytes_out", (long) logged.response().body().length())
                .containsEntry("client", "127.0.0.1").containsKey("duration_ms");
        assertThat(logged.message()).startsWith("POST /v1/embeddings 200 (2 inputs) in ");
    }

    @Test
    void aRefusedImageRequestIsLoggedWithoutItsImageOrKey(CapturedOutput output) throws Exception {
        Logged logged = send(imageRequest(), "Bearer not-the-key-but-secret", null);
        assertThat(logged.response().statusCode()).isEqualTo(401);
        String id = logged.response().headers().firstValue(AccessLog.REQUEST_ID).orElseThrow();
        assertThat(JSON.readTree(logged.response().body()).get("request_id").asText()).isEqualTo(id);
        assertThat(logged.fields()).containsEntry("status", 401).containsEntry("request_id", id)
                .containsEntry("bytes_in", 0L).doesNotContainKey("inputs");
        String everything = output.getAll() + logged.fields() + logged.message();
        assertThat(everything).doesNotContain(IMAGE.substring(0, 16)).doesNotContain("not-the-key-but-secret")
                .doesNotContain(KEY);
        assertThat(BASE64_RUN.matcher(everything).find()).as("a base64 run in the logs").isFalse();
    }

    @Test
    void invalidAndOversizeRequestsAreLoggedWithTheirStatusAndRequestId() throws Exception {
        Logged invalid = send("{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"colour\":1}", "Bearer " + KEY,
                "bad id, with spaces");
        assertThat(invalid.response().statusCode()).isEqualTo(422);
        // a request id that is not a plain token is replaced, not echoed into logs and headers
        String id = invalid.response().headers().firstValue(AccessLog.REQUEST_ID).orElseThrow();
        // (not "does not contain 'bad'": a UUID's hex digits may spell it)
        assertThat(id).doesNotContain(" ", ",", "with").matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(JSON.readTree(invalid.response().body()).get("request_id").asText()).isEqualTo(id);
        assertThat(invalid.fields()).containsEntry("status", 422).containsEntry("request_id", id);

        Logged oversize = send("{\"model\":\"jina-clip-v1\",\"input\":\"" + "a".repeat(1 << 20) + "\"}",
                "Bearer " + KEY, "big-1");
        assertThat(oversize.response().statusCode()).isEqualTo(413);
        assertThat(oversize.fields()).containsEntry("status", 413).containsEntry("request_id", "big-1");
    }
}
