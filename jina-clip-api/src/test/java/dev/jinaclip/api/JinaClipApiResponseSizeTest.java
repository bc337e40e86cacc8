package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A response is read up to what its batch can need, never further: an endless or oversized body is an invalid
 * response, at once and without retries, and a legitimate one, however verbose, passes.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang or an unbounded read fails
class JinaClipApiResponseSizeTest {

    /** The documented limit for one input of 768 float components: 1 MiB + 1 × (1 KiB + 768 × 50 bytes). */
    static final long LIMIT_ONE_INPUT = 1_048_576 + 1_024 + 768 * 50;

    @StartStop
    final MockWebServer server = new MockWebServer();
    final CountDownLatch testOver = new CountDownLatch(1);
    final AtomicLong bytesServed = new AtomicLong();
    JinaClipApiClient client;

    @BeforeEach
    void start() {
        client = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("jina_test_key")
                .baseUrl(server.url("/").toString()).initialRetryDelay(Duration.ofMillis(10)).build());
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        client.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 401, 500})
    void should_stop_reading_a_body_that_never_ends(int status) {
        // given: a chunked body that starts like an answer and goes on for ever
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("Transfer-Encoding", "chunked").body(endlessChunkedBody()).build());

        // when / then
        assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("x"))))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.INVALID_RESPONSE);
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("inputs 0..0")
                            .contains("body is longer than " + LIMIT_ONE_INPUT + " bytes")
                            .contains("1 input of 768 float values");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        // the client hung up: the server got out what the client read and what the socket buffers hold, no more
        assertThat(bytesServed.get()).isLessThan(LIMIT_ONE_INPUT + 16 * 1024 * 1024);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 503})
    void should_refuse_a_content_length_beyond_the_limit_without_reading_or_retrying(int status) {
        // given: a declared terabyte, of which nothing ever comes
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(silentBody(1_000_000_000_000L)).build());

        // when / then
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("x"))))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.INVALID_RESPONSE);
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("Content-Length 1000000000000 is more than "
                            + LIMIT_ONE_INPUT + " bytes");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        // the body is never awaited: far less than the 60 s read timeout
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void should_accept_the_most_verbose_legitimate_answer() {
        // given: 64 inputs answered pretty-printed, each component a 24-character double on its own line
        List<ClipInput> inputs = new ArrayList<>();
        StringBuilder body = new StringBuilder("{\n    \"model\": \"jina-clip-v1\",\n    \"object\": \"list\",\n"
                + "    \"usage\": {\n        \"total_tokens\": 64,\n        \"prompt_tokens\": 64\n    },\n"
                + "    \"data\": [\n");
        for (int i = 0; i < 64; i++) {
            inputs.add(ClipInput.text("text " + i));
            body.append("        {\n            \"object\": \"embedding\",\n            \"index\": ").append(i)
                    .append(",\n            \"embedding\": [\n");
            for (int d = 0; d < 768; d++) {
                body.append("                -1.2345678901234567e-100").append(d < 767 ? ",\n" : "\n");
            }
            body.append("            ]\n        }").append(i < 63 ? ",\n" : "\n");
        }
        body.append("    ]\n}\n");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body.toString()).build());

        // when
        var result = client.embed(inputs);

        // then
        assertThat(result.vectors()).hasSize(64);
    }

    private MockResponseBody endlessChunkedBody() {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                String start = "{\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[";
                sink.writeUtf8(Integer.toHexString(start.length()) + "\r\n" + start + "\r\n");
                String chunk = "0.01,".repeat(1600);
                while (testOver.getCount() > 0) { // until the client hangs up, which fails the write
                    sink.writeUtf8(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
                    bytesServed.addAndGet(chunk.length());
                }
            }
        };
    }

    /** A body that declares its length (MockWebServer sends it as Content-Length) and never sends a byte. */
    private MockResponseBody silentBody(long declaredLength) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return declaredLength;
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                sink.flush();
                try {
                    testOver.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
