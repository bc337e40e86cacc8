package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 2xx answer that is not a complete, well-formed answer is an error, never a shorter or shuffled list. */
class JinaClipApiResponseTest {

    static final List<ClipInput> TWO_TEXTS = List.of(ClipInput.text("first text"), ClipInput.text("second text"));
    static final String V768 = JinaClipApiRetryTest.vector(768);

    @StartStop
    final MockWebServer server = new MockWebServer();
    JinaClipApiClient client;

    @BeforeEach
    void start() throws IOException {
        client = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("jina_test_key")
                .baseUrl(server.url("/").toString()).build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    static String body(String data) {
        return "{\"model\":\"jina-clip-v1\",\"usage\":{\"total_tokens\":4},\"data\":[" + data + "]}";
    }

    static String item(int index, String embedding) {
        return "{\"object\":\"embedding\",\"index\":" + index + ",\"embedding\":" + embedding + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON           | <html>oops</html>                                | body is not JSON
            no data            | {"model":"jina-clip-v1"}                         | no 'data' array
            one of two         | BODY:[0]                                         | missing indexes [1]
            index twice        | BODY:[0,0]                                       | index 0 more than once
            index out of range | BODY:[0,2]                                       | has index 2, but only 2 inputs were sent
            no index           | {"data":[{"embedding":[1.0]}]}                   | no integer 'index'
            """)
    void should_reject_an_incomplete_or_malformed_body(String name, String answer, String problem) {
        // given
        server.enqueue(new MockResponse.Builder().code(200).body(expand(answer)).build());

        // when / then
        assertThatThrownBy(() -> client.embed(TWO_TEXTS))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.INVALID_RESPONSE);
                    assertThat(e.getMessage()).contains(problem).contains("inputs 0..1");
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_reject_a_vector_of_the_wrong_dimension() {
        server.enqueue(new MockResponse.Builder().code(200)
                .body(body(item(0, V768) + "," + item(1, JinaClipApiRetryTest.vector(512)))).build());

        assertThatThrownBy(() -> client.embed(TWO_TEXTS))
                .isInstanceOf(JinaApiException.class)
                .hasMessageContaining("embedding at index 1 has 512 dimensions, expected 768");
    }

    @Test
    void should_reject_a_non_numeric_vector() {
        server.enqueue(new MockResponse.Builder().code(200)
                .body(body(item(0, V768) + "," + item(1, "\"AAAA\""))).build());

        assertThatThrownBy(() -> client.embed(TWO_TEXTS))
                .isInstanceOf(JinaApiException.class)
                .hasMessageContaining("embedding at index 1 is not an array of numbers");
    }

    @Test
    void should_reject_base64_of_the_wrong_length() {
        client.close();
        client = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("jina_test_key")
                .baseUrl(server.url("/").toString()).embeddingType(EmbeddingType.BASE64).build());
        server.enqueue(new MockResponse.Builder().code(200)
                .body(body(item(0, "\"AAAAAAAA\""))).build()); // 6 bytes: not whole floats

        assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("x"))))
                .isInstanceOf(JinaApiException.class)
                .hasMessageContaining("6 bytes, not a whole number of float32 values");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            overflowing double | 1e999     | Infinity
            negative overflow  | -1e999    | -Infinity
            overflowing float  | 1e39      | Infinity
            NaN token          | NaN       | NaN
            Infinity token     | -Infinity | -Infinity
            """)
    void should_reject_a_non_finite_json_component(String name, String component, String reported) {
        // given: component 5 of the second item is not a finite float32
        String vector = V768.replaceFirst("^\\[(0\\.01,){5}0\\.01", "[0.01,0.01,0.01,0.01,0.01," + component);
        server.enqueue(new MockResponse.Builder().code(200).body(body(item(0, V768) + "," + item(1, vector))).build());

        // when / then
        assertThatThrownBy(() -> client.embed(TWO_TEXTS))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.INVALID_RESPONSE);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("inputs 0..1")
                            .contains("embedding at index 1 has " + reported + " at component 5");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NaN       | 2143289344  | NaN
            Infinity  | 2139095040  | Infinity
            -Infinity | -8388608    | -Infinity
            """)
    void should_reject_a_non_finite_base64_component(String name, int bits, String reported) {
        // given: little-endian float32 data whose component 3 of the only item is not finite
        client.close();
        client = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("jina_test_key")
                .baseUrl(server.url("/").toString()).embeddingType(EmbeddingType.BASE64).build());
        ByteBuffer floats = ByteBuffer.allocate(768 * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 768; i++) {
            floats.putInt(i == 3 ? bits : Float.floatToIntBits(0.01f));
        }
        String base64 = "\"" + Base64.getEncoder().encodeToString(floats.array()) + "\"";
        server.enqueue(new MockResponse.Builder().code(200).body(body(item(0, base64))).build());

        // when / then
        assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("x"))))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.INVALID_RESPONSE);
                    assertThat(e.getMessage()).contains("inputs 0..0")
                            .contains("embedding at index 0 has " + reported + " at component 3");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_accept_data_in_any_order() {
        server.enqueue(new MockResponse.Builder().code(200).body(body(item(1, "[" + "2.0,".repeat(767) + "2.0]")
                + "," + item(0, "[" + "1.0,".repeat(767) + "1.0]"))).build());

        var vectors = client.embed(TWO_TEXTS).vectors();

        assertThat(vectors.get(0)[0]).isEqualTo(1.0f);
        assertThat(vectors.get(1)[0]).isEqualTo(2.0f);
    }

    @Test
    void should_treat_missing_prompt_tokens_as_total_tokens() {
        server.enqueue(new MockResponse.Builder().code(200).body(body(item(0, V768) + "," + item(1, V768))).build());

        var usage = client.embed(TWO_TEXTS).usage();

        assertThat(usage.totalTokens()).isEqualTo(4);
        assertThat(usage.promptTokens()).isEqualTo(4);
        assertThat(usage.imageTokens()).isNull();
    }

    private static String expand(String answer) {
        if (!answer.startsWith("BODY:")) {
            return answer;
        }
        String[] indexes = answer.substring(6, answer.length() - 1).split(",");
        StringBuilder data = new StringBuilder();
        for (String index : indexes) {
            data.append(data.length() == 0 ? "" : ",").append(item(Integer.parseInt(index), V768));
        }
        return body(data.toString());
    }
}
