package dev.jinaclip.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.JinaClipModel;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/embeddings}, in the Jina API's request shape or OpenAI's ({@link RequestShape}). */
@RestController
class EmbeddingsController {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingsController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddingService service;
    private final AdmissionQueue queue;
    private final RequestReader reader;
    private final BearerKeys keys;
    private final JinaClipModel model;
    private final long maxBodyBytes;

    EmbeddingsController(EmbeddingService service, AdmissionQueue queue, JinaClipModel model, BearerKeys keys,
            RequestReader reader, ServerProperties properties) {
        this.service = service;
        this.queue = queue;
        this.reader = reader;
        this.keys = keys;
        this.model = model;
        this.maxBodyBytes = properties.getMaxBodySize().toBytes();
    }

    @PostMapping("/v1/embeddings")
    ResponseEntity<byte[]> embeddings(HttpServletRequest http) throws IOException {
        keys.check(http.getHeader(HttpHeaders.AUTHORIZATION));
        EmbeddingsRequest request = reader.read(parse(http));
        AccessLog.requested(http, request);
        // admitted once the body is read: a slow upload holds no place in the queue
        ServedEmbeddings served = queue.run(() -> service.embed(request));
        AccessLog.served(http, served);
        return json(200, ResponseBodies.embeddings(model.modelName(), request.type(), served));
    }

    private JsonNode parse(HttpServletRequest http) throws IOException {
        if (http.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            // a chunked body has no length: read one byte past the limit to see it
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.invalidField("body", "json_invalid", "JSON decode error: " + e.getOriginalMessage());
        }
    }

    private ApiProblem tooLarge() {
        return ApiProblem.of(413, "INPUT_TOO_LARGE", "The request body is larger than this server's "
                + maxBodyBytes + " bytes (jina-clip.server.max-body-size)");
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<byte[]> refused(ApiProblem problem, HttpServletRequest http) {
        ResponseEntity<byte[]> answer = json(problem.status(),
                problem.body().put("request_id", AccessLog.requestId(http)));
        if (problem.retryAfterSeconds() == null) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds().toString()).body(answer.getBody());
    }

    /** An input that no backend could use: blank text, an image that is not base64 or has no readable header. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<byte[]> invalidInput(IllegalArgumentException e, HttpServletRequest http) {
        return refused(ApiProblem.of(400, "INVALID_INPUT", e.getMessage()), http);
    }

    @ExceptionHandler(JinaClipException.class)
    ResponseEntity<byte[]> failed(JinaClipException e, HttpServletRequest http) {
        switch (e.kind()) {
            case INVALID_INPUT:
                return refused(ApiProblem.of(400, "INVALID_INPUT", e.getMessage()), http);
            case REMOTE_IMAGE:
                // refused, not an image, too large: the caller's to fix; a time-out or the host's 5xx: retry
                return refused(e.isRetryable()
                        ? ApiProblem.of(502, "REMOTE_IMAGE_UNAVAILABLE", e.getMessage())
                        : ApiProblem.of(400, "INPUT_REMOTE_IMAGE", e.getMessage()), http);
            case CANCELLED:
                return refused(ApiProblem.stopping(), http);
            default:
                log.error("Embedding failed", e);
                return refused(ApiProblem.of(500, "INTERNAL_ERROR", "Embedding failed: " + e.getMessage()), http);
        }
    }

    /** Anything else: the API's error body, with its request id, rather than Spring's own error page. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<byte[]> unexpected(RuntimeException e, HttpServletRequest http) {
        log.error("Embedding failed unexpectedly", e);
        return refused(ApiProblem.of(500, "INTERNAL_ERROR", "Embedding failed: the server logged why"), http);
    }

    private static ResponseEntity<byte[]> json(int status, JsonNode body) {
        try {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree did not serialise", e);
        }
    }
}
