package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.testing.FakeJinaApi;
import dev.jinaclip.testing.LogCapture;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The API key never shows, in logs, messages or toString; image data and vectors are elided from logs. */
class JinaClipApiLoggingTest {

    static final String KEY = "jina_0123456789abcdefSECRET";

    @StartStop
    final MockWebServer server = new MockWebServer();

    JinaClipApiConfig.Builder config() {
        return JinaClipApiConfig.builder().apiKey(KEY).baseUrl(server.url("/").toString());
    }

    @Test
    void should_log_requests_and_responses_without_key_image_data_or_vectors() {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        String imageBase64 = Base64.getEncoder().encodeToString(new byte[3000]);
        try (LogCapture log = new LogCapture(JinaClipApiClient.class, Level.INFO);
             JinaClipApiClient client = new JinaClipApiClient(config().logRequests(true).logResponses(true).build())) {

            // when
            client.embed(List.of(ClipInput.text("a red car"), ClipInput.imageBase64(imageBase64),
                    ClipInput.imageUrl(URI.create("https://img.example/red.png"))));

            // then
            String text = log.text();
            assertThat(text).doesNotContain(KEY).doesNotContain(imageBase64);
            assertThat(text).contains("Authorization: <redacted>");
            assertThat(text).contains("<base64 image, " + imageBase64.length() + " chars>");
            assertThat(text).contains("https://img.example/red.png").contains("a red car");
            assertThat(text).contains("\"embedding\":\"<768 values>\"").contains("HTTP 200");
        }
    }

    @Test
    void should_not_log_when_logging_is_off() {
        server.setDispatcher(new FakeJinaApi(768));
        try (LogCapture log = new LogCapture(JinaClipApiClient.class, Level.INFO);
             JinaClipApiClient client = new JinaClipApiClient(config().build())) {

            client.embed(List.of(ClipInput.text("a red car")));

            assertThat(log.messages()).isEmpty();
        }
    }

    @Test
    void should_keep_the_key_out_of_errors_and_to_string() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"detail\":\"Invalid API key\",\"code\":\"AUTH_INVALID_API_KEY\"}").build());
        JinaClipApiConfig config = config().build();
        try (JinaClipApiClient client = new JinaClipApiClient(config)) {

            assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("x"))))
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(KEY));
            assertThat(client.toString()).doesNotContain(KEY).contains("apiKey=********");
            assertThat(config.toString()).doesNotContain(KEY);
            assertThat(JinaClipApiConfig.builder().apiKey(KEY).toString()).doesNotContain(KEY);
        }
    }
}
