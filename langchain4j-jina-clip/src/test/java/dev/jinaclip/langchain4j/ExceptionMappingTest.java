package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.API_KEY;
import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** API failures surface as the LangChain4j exception a caller catches, with the API's details as the cause. */
class ExceptionMappingTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private JinaClipApiEmbeddingModel model;

    @AfterEach
    void stop() {
        if (model != null) {
            model.close();
        }
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(401, AuthenticationException.class, "AUTH_INVALID_API_KEY"),
                Arguments.of(403, AuthenticationException.class, "AUTH_FORBIDDEN"),
                Arguments.of(404, ModelNotFoundException.class, "MODEL_NOT_FOUND"),
                Arguments.of(422, InvalidRequestException.class, "VALIDATION_ERROR"),
                Arguments.of(429, RateLimitException.class, "RATE_LIMIT_EXCEEDED"),
                Arguments.of(409, RetriableException.class, "CONFLICT_RESOURCE_BUSY"),
                Arguments.of(500, InternalServerException.class, "INTERNAL_ERROR"),
                Arguments.of(503, InternalServerException.class, "SERVICE_UNAVAILABLE"),
                Arguments.of(501, NonRetriableException.class, "NOT_IMPLEMENTED"));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @MethodSource("statuses")
    void should_map_http_status_to_langchain4j_exception(int status, Class<? extends Throwable> expected, String code) {
        // exact class: RateLimitException and InternalServerException are RetriableExceptions too
        // given
        model = modelFor(server).maxRetries(0).build();
        server.enqueue(errorResponse(status, code, "something went wrong", "req-" + status));

        // when
        Throwable thrown = catchThrowable(() -> model.embed("a red car"));

        // then
        assertThat(thrown).isExactlyInstanceOf(expected);
        JinaApiException cause = JinaApiException.findIn(thrown).orElseThrow();
        assertThat(cause.failure()).isEqualTo(JinaApiException.Failure.HTTP_ERROR);
        assertThat(cause.statusCode()).isEqualTo(status);
        assertThat(cause.code()).contains(code);
        assertThat(cause.detail()).contains("something went wrong");
        assertThat(cause.requestId()).contains("req-" + status);
        assertThat(thrown.getMessage()).contains(String.valueOf(status)).doesNotContain(API_KEY);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_map_401_with_its_details() {
        // given
        model = modelFor(server).build();
        server.enqueue(errorResponse(401, "AUTH_INVALID_API_KEY", "Invalid API key", "req-1"));

        // when
        Throwable thrown = catchThrowable(() -> model.embed("a red car"));

        // then
        assertThat(thrown).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("AUTH_INVALID_API_KEY")
                .hasMessageContaining("Invalid API key")
                .hasMessageContaining("req-1");
        assertThat(thrown.getMessage()).doesNotContain(API_KEY);
        assertThat(server.getRequestCount()).as("401 is not retried").isEqualTo(1);
    }

    @Test
    void should_map_a_read_timeout_to_timeout_exception() {
        // given: the server holds its headers well past the model's timeout
        model = modelFor(server).timeout(Duration.ofMillis(300)).maxRetries(0).build();
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(1, TimeUnit.SECONDS)
                .body("{}").build());

        // when
        Throwable thrown = catchThrowable(() -> model.embed("a red car"));

        // then
        assertThat(thrown).isInstanceOf(TimeoutException.class);
        JinaApiException cause = JinaApiException.findIn(thrown).orElseThrow();
        assertThat(cause.failure()).isEqualTo(JinaApiException.Failure.TIMEOUT);
        assertThat(cause.statusCode()).isZero();
        assertThat(cause.code()).isEmpty();
        assertThat(cause.requestId()).isEmpty();
        assertThat(thrown.getMessage()).doesNotContain(API_KEY);
    }

    @Test
    void should_keep_the_api_key_out_of_every_message_in_the_cause_chain() {
        // given
        model = modelFor(server).maxRetries(0).build();
        server.enqueue(errorResponse(403, "AUTH_FORBIDDEN", "Key has no balance", "req-2"));

        // when
        Throwable thrown = catchThrowable(() -> model.embed("a red car"));

        // then
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t)).doesNotContain(API_KEY);
        }
    }

    @Test
    void should_name_the_failed_batch_range() {
        // given: the second batch of two fails
        model = modelFor(server).maxRetries(0).maxBatchSize(2).maxConcurrentRequests(1).build();
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(okBody(2)).build());
        server.enqueue(errorResponse(422, "VALIDATION_ERROR", "input too long", "req-3"));

        // when
        Throwable thrown = catchThrowable(() -> model.embedAll(List.of(
                TextSegment.from("one red"),
                TextSegment.from("two blue"),
                TextSegment.from("three green"))));

        // then
        assertThat(thrown).isInstanceOf(InvalidRequestException.class);
        JinaApiException cause = JinaApiException.findIn(thrown).orElseThrow();
        assertThat(cause.fromInput()).isEqualTo(2);
        assertThat(cause.toInput()).isEqualTo(3);
    }

    private static MockResponse errorResponse(int status, String code, String detail, String requestId) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body("{\"detail\":\"" + detail + "\",\"code\":\"" + code + "\",\"request_id\":\"" + requestId + "\"}")
                .build();
    }

    private static String okBody(int count) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            float[] vector = FakeJinaApi.vectorOf("word" + (char) ('a' + i) + "xyz", 768);
            StringBuilder numbers = new StringBuilder();
            for (float v : vector) {
                numbers.append(numbers.length() == 0 ? "" : ",").append(v);
            }
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":[").append(numbers).append("]}");
        }
        return "{\"model\":\"jina-clip-v1\",\"object\":\"list\",\"usage\":{\"total_tokens\":4,\"prompt_tokens\":4},"
                + "\"data\":[" + data + "]}";
    }
}
