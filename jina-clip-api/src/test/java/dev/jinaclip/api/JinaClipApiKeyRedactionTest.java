package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that echoes the API key, in any field, encoding or header, never gets it into an exception (message,
 * accessors, causes, toString) or a log line.
 */
class JinaClipApiKeyRedactionTest {

    /** Valid as a key (printable ASCII), with characters that URL-encoding and JSON escaping change. */
    static final String KEY = "jina_0123+4567/89ab=SECRET";
    static final String URL_ENCODED = URLEncoder.encode(KEY, StandardCharsets.UTF_8); // jina_0123%2B4567%2F89ab%3DSECRET
    static final String FULLY_PERCENT_ENCODED = KEY.chars().mapToObj(c -> String.format("%%%02x", c))
            .collect(Collectors.joining());
    static final String JSON_ESCAPED = KEY.replace("/", "\\/").replace("j", "\\u006A"); // still the key once parsed

    @StartStop
    final MockWebServer server = new MockWebServer();

    static Stream<Arguments> echoes() {
        return Stream.of(
                Arguments.of("401 JSON detail, code and request_id", json(401, "{\"detail\":\"Invalid API key: Bearer "
                        + KEY + "\",\"code\":\"AUTH_" + KEY + "\",\"request_id\":\"req-" + URL_ENCODED + "\"}")),
                Arguments.of("422 validation lists", json(422, "{\"detail\":[{\"loc\":[\"header\",\"Bearer " + KEY
                        + "\"],\"msg\":\"token x" + KEY + "y is malformed\"}],\"errors\":[{\"field\":\""
                        + JSON_ESCAPED + "\",\"message\":\"see ?key=" + FULLY_PERCENT_ENCODED + "\"}]}")),
                Arguments.of("500 JSON detail, retried", json(500, "{\"detail\":\"upstream refused "
                        + "https://upstream.example/v1?api_key=" + URL_ENCODED + "&x=1\"}")),
                Arguments.of("502 HTML page", new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                        .body("<html><pre>Authorization: Bearer " + KEY + "\nreferer: /?k=" + FULLY_PERCENT_ENCODED
                                + "</pre></html>").build()),
                Arguments.of("200 non-JSON body", new MockResponse.Builder().code(200)
                        .body("oops, your key is " + KEY).build()),
                Arguments.of("200 JSON with the key as a bare token", json(200, "{\"data\":[" + KEY + "]}")),
                Arguments.of("malformed status line", new MockResponse.Builder().status("HTTP/1.1 4x1 " + KEY)
                        .body("{}").build()));
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void should_keep_an_echoed_key_out_of_exceptions_and_logs(String name, MockResponse echo) {
        // given: every answer also echoes the key in a header that is not named like a secret
        MockResponse answer = new MockResponse.Builder(echo).addHeader("X-Echo", "Bearer " + KEY).build();
        server.enqueue(answer);
        server.enqueue(answer);
        JinaApiException thrown;
        String logged;
        try (LogCapture log = new LogCapture(JinaClipApiClient.class, Level.DEBUG);
             JinaClipApiClient client = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey(KEY)
                     .baseUrl(server.url("/").toString()).maxRetries(1).initialRetryDelay(Duration.ofMillis(10))
                     .logRequests(true).logResponses(true).build())) {

            // when
            thrown = catchThrowableOfType(JinaApiException.class, () -> client.embed(List.of(ClipInput.text("x"))));
            logged = log.text();
        }

        // then
        assertThat(thrown).isNotNull();
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace)); // every cause's class and message
        String seen = String.join("\n", thrown.getMessage(), thrown.toString(), thrown.code().orElse(""),
                thrown.detail().orElse(""), String.join("\n", thrown.validationErrors()),
                thrown.requestId().orElse(""), trace.toString(), logged);
        assertThat(seen).doesNotContainIgnoringCase("SECRET")
                .doesNotContainIgnoringCase(FULLY_PERCENT_ENCODED.substring(FULLY_PERCENT_ENCODED.length() - 18));
        assertThat(thrown.getMessage()).contains("********"); // what the server said is still there, redacted
        if (thrown.statusCode() != 0) {
            assertThat(logged).contains("X-Echo: Bearer ********");
        }
    }
}
