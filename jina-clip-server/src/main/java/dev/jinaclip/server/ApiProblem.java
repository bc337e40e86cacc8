package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A request the server refuses, answered in the hosted API's error shape: {@code {"detail": ..., "code": ...}},
 * {@code detail} a string, or for validation errors (422) the list of FastAPI-style {@code {"loc","msg","type"}}.
 */
final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final JsonNode detail;
    private Long retryAfterSeconds;

    private ApiProblem(int status, String code, JsonNode detail, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.detail = Objects.requireNonNull(detail);
    }

    static ApiProblem of(int status, String code, String detail) {
        return new ApiProblem(status, code, JsonNodeFactory.instance.textNode(detail), detail);
    }

    /**
     * A 503 for a request the server stops before it is embedded, with a {@code Retry-After} of 1 s: behind a load
     * balancer another replica can take it at once.
     */
    static ApiProblem stopping() {
        return of(503, "SERVICE_UNAVAILABLE", "The server is stopping: retry").retryAfter(1);
    }

    /** A 422 for one field of the body, as FastAPI reports it. */
    static ApiProblem invalidField(String field, String type, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("loc").add("body").add(field);
        error.put("msg", message);
        error.put("type", type);
        return new ApiProblem(422, "VALIDATION_ERROR", JsonNodeFactory.instance.arrayNode().add(error),
                field + ": " + message);
    }

    /** This problem, answered with {@code Retry-After: seconds}. */
    ApiProblem retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The {@code Retry-After} seconds, or {@code null} for none. */
    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    int status() {
        return status;
    }

    /** The body answered. */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("detail", detail);
        body.put("code", code);
        return body;
    }
}
