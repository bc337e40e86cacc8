package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.testing.FakeJinaApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, how long the client waits, and what it throws when it gives up. */
class JinaClipApiRetryTest {

    static final List<ClipInput> ONE_TEXT = List.of(ClipInput.text("hello world"));

    @StartStop
    final MockWebServer server = new MockWebServer();
    JinaClipApiClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    JinaClipApiClient client(Consumer<JinaClipApiConfig.Builder> settings) {
        JinaClipApiConfig.Builder builder = JinaClipApiConfig.builder()
                .apiKey("jina_test_key")
                .baseUrl(server.url("/").toString())
                .initialRetryDelay(Duration.ofMillis(10))
                .maxRetryDelay(Duration.ofSeconds(5));
        settings.accept(builder);
        client = new JinaClipApiClient(builder.build());
        return client;
    }

    static MockResponse ok(int count) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":").append(vector(768)).append('}');
        }
        return json(200, "{\"model\":\"jina-clip-v1\",\"object\":\"list\",\"usage\":{\"total_tokens\":2,"
                + "\"prompt_tokens\":2},\"data\":[" + data + "]}");
    }

    static String vector(int dimension) {
        StringBuilder vector = new StringBuilder("[");
        for (int d = 0; d < dimension; d++) {
            vector.append(d == 0 ? "" : ",").append("0.01");
        }
        return vector.append(']').toString();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void should_retry_429_after_the_seconds_in_retry_after() {
        // given
        server.enqueue(new MockResponse.Builder(json(429, "{\"detail\":\"slow down\",\"code\":\"RATE_REQUEST_LIMIT_EXCEEDED\"}"))
                .addHeader("Retry-After", "1").build());
        server.enqueue(ok(1));
        client(b -> { });

        // when
        long start = System.nanoTime();
        var result = client.embed(ONE_TEXT);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(result.vectors()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waitedMillis).isGreaterThanOrEqualTo(950);
    }

    @Test
    void should_retry_429_after_an_http_date_in_retry_after() {
        String inOneSecond = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(2));
        server.enqueue(new MockResponse.Builder(json(429, "{\"detail\":\"slow down\"}"))
                .addHeader("Retry-After", inOneSecond).build());
        server.enqueue(ok(1));
        client(b -> { });

        long start = System.nanoTime();
        client.embed(ONE_TEXT);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(500);
    }

    @Test
    void should_retry_429_with_backoff_when_there_is_no_retry_after() {
        server.enqueue(json(429, "{\"detail\":\"slow down\"}"));
        server.enqueue(json(429, "{\"detail\":\"slow down\"}"));
        server.enqueue(ok(1));
        client(b -> { });

        assertThat(client.embed(ONE_TEXT).vectors()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 500, 502, 503, 504})
    void should_retry_transient_statuses(int status) {
        server.enqueue(json(status, "{\"detail\":\"try again\"}"));
        server.enqueue(ok(1));
        client(b -> { });

        assertThat(client.embed(ONE_TEXT).vectors()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 402, 403, 404, 422})
    void should_not_retry_client_errors(int status) throws InterruptedException {
        server.enqueue(json(status, "{\"detail\":\"no\",\"code\":\"SOME_CODE\",\"request_id\":\"req-42\"}"));
        server.enqueue(ok(1));
        client(b -> { });

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.HTTP_ERROR);
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.code()).contains("SOME_CODE");
                    assertThat(e.detail()).contains("no");
                    assertThat(e.requestId()).contains("req-42");
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_give_up_after_max_retries_and_say_how_many_attempts_were_made() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, "{\"detail\":\"down\",\"code\":\"SERVICE_UNAVAILABLE\"}"));
        }
        client(b -> b.maxRetries(2));

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("after 3 attempts").contains("SERVICE_UNAVAILABLE");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void should_fail_at_once_when_retry_after_is_longer_than_max_retry_delay() {
        server.enqueue(new MockResponse.Builder(json(429, "{\"detail\":\"quota\"}"))
                .addHeader("Retry-After", "3600").build());
        client(b -> { });

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_parse_a_string_detail() {
        server.enqueue(json(401, "{\"detail\":\"Invalid API key\",\"code\":\"AUTH_INVALID_API_KEY\","
                + "\"request_id\":\"r-1\"}"));
        client(b -> { });

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.detail()).contains("Invalid API key");
                    assertThat(e.validationErrors()).isEmpty();
                    assertThat(e.getMessage())
                            .isEqualTo("Jina API returned HTTP 401 AUTH_INVALID_API_KEY for inputs 0..0: "
                                    + "Invalid API key [request_id r-1]");
                });
    }

    @Test
    void should_parse_a_detail_list_of_validation_errors() {
        server.enqueue(json(422, """
                {"detail":[{"loc":["body","input",0],"msg":"field required","type":"missing"},
                           {"loc":["body","late_chunking"],"msg":"Extra inputs are not permitted",
                            "type":"extra_forbidden"}]}"""));
        client(b -> { });

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.validationErrors()).containsExactly("body.input.0: field required",
                            "body.late_chunking: Extra inputs are not permitted");
                    assertThat(e.detail().orElseThrow()).contains("body.input.0: field required; body.late_chunking: Extra");
                });
    }

    @Test
    void should_parse_an_errors_list_next_to_a_string_detail() {
        server.enqueue(json(422, """
                {"detail":"[RID: abc] Validation errors in 1 fields",
                 "errors":[{"field":"task","message":"Extra inputs are not permitted","type":"extra_forbidden"}]}"""));
        client(b -> { });

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.validationErrors()).containsExactly("task: Extra inputs are not permitted");
                    assertThat(e.detail().orElseThrow()).contains("[RID: abc] Validation errors in 1 fields: task: Extra");
                });
    }

    @Test
    void should_keep_the_start_of_a_non_json_error_body() {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway</html>").build());
        client(b -> b.maxRetries(0));

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class,
                        e -> assertThat(e.detail().orElseThrow()).contains("<html>Bad gateway</html>"));
    }

    @Test
    void should_time_out_each_attempt_and_retry_it() {
        server.enqueue(new MockResponse.Builder(ok(1)).headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(new MockResponse.Builder(ok(1)).headersDelay(2, TimeUnit.SECONDS).build());
        client(b -> b.timeout(Duration.ofMillis(300)).maxRetries(1));

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.TIMEOUT);
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void should_recover_when_a_retry_after_a_timeout_succeeds() {
        server.enqueue(new MockResponse.Builder(ok(1)).headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(ok(1));
        client(b -> b.timeout(Duration.ofMillis(300)));

        assertThat(client.embed(ONE_TEXT).vectors()).hasSize(1);
    }

    @Test
    void should_report_an_interrupt_as_such_and_not_retry() {
        // given: the answer comes late; the caller is interrupted while waiting for it
        server.enqueue(new MockResponse.Builder(ok(1)).headersDelay(3, TimeUnit.SECONDS).build());
        server.enqueue(ok(1));
        client(b -> b.timeout(Duration.ofMillis(800)));
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();

        // when
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.embed(ONE_TEXT));
        boolean interrupted = Thread.interrupted(); // also clears the flag for the next test

        // then
        assertThat(thrown).isInstanceOfSatisfying(JinaApiException.class,
                e -> assertThat(e.failure()).isEqualTo(JinaApiException.Failure.INTERRUPTED));
        assertThat(interrupted).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_report_a_connection_failure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("jina_test_key")
                .baseUrl("http://127.0.0.1:" + closedPort).maxRetries(1)
                .initialRetryDelay(Duration.ofMillis(10)).build());

        assertThatThrownBy(() -> client.embed(ONE_TEXT))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.failure()).isEqualTo(JinaApiException.Failure.CONNECTION_FAILURE);
                    assertThat(e.statusCode()).isZero();
                    assertThat(e.attempts()).isEqualTo(2);
                });
    }

    @Test
    void should_share_the_concurrency_limit_across_batches_and_calls() throws Exception {
        // given: each request is held 100 ms, so concurrent ones overlap
        FakeJinaApi fake = new FakeJinaApi(768).delay(100);
        server.setDispatcher(fake);
        client(b -> b.maxBatchSize(1).maxConcurrentRequests(3));
        List<ClipInput> inputs = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> ClipInput.text("text " + i)).toList();

        // when: two threads call at once, 12 batches each
        Thread other = new Thread(() -> client.embed(inputs));
        other.start();
        var result = client.embed(inputs);
        other.join();

        // then
        assertThat(result.vectors()).hasSize(12);
        assertThat(server.getRequestCount()).isEqualTo(24);
        assertThat(fake.maxInFlight()).isEqualTo(3);
    }
}
