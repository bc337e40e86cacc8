package dev.jinaclip.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Base64;

/**
 * One-input requests to {@code POST /v1/embeddings} in the Jina API's shape, over one shared JDK client (HTTP/1.1,
 * keep-alive), and the kind of each failure.
 */
final class EmbeddingsHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request that got no vector; {@code kind} is http-STATUS, timeout, connection or other. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String kind;
        private final transient HttpResponse<byte[]> response;

        Failure(String kind, HttpResponse<byte[]> response, Throwable cause) {
            super(kind, cause);
            this.kind = kind;
            this.response = response;
        }

        String kind() {
            return kind;
        }

        /** The answer, where one came. */
        HttpResponse<byte[]> response() {
            return response;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;

    EmbeddingsHttp(URI base) {
        this.endpoint = base.resolve("/v1/embeddings");
    }

    HttpClient client() {
        return client;
    }

    /** The body of a request for one text. */
    static byte[] textBody(String text) {
        return body(JSON.createObjectNode().put("text", text));
    }

    /** The body of a request for one image, as raw base64. */
    static byte[] imageBody(byte[] image) {
        return body(JSON.createObjectNode().put("image", Base64.getEncoder().encodeToString(image)));
    }

    /** The one vector of a request's answer. */
    float[] embed(byte[] body) throws Failure {
        HttpResponse<byte[]> response = send(body);
        if (response.statusCode() != 200) {
            throw new Failure("http-" + response.statusCode(), response, null);
        }
        return vector(response);
    }

    /** The one vector of a 200 answer. */
    static float[] vector(HttpResponse<byte[]> response) throws Failure {
        try {
            JsonNode embedding = JSON.readTree(response.body()).path("data").path(0).path("embedding");
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble(Double.NaN);
            }
            return vector;
        } catch (IOException e) {
            throw new Failure("other", response, e);
        }
    }

    /** The answer to a request, whatever its status. */
    HttpResponse<byte[]> send(byte[] body) throws Failure {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Failure("timeout", null, e);
        } catch (IOException e) {
            throw new Failure("connection", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("other", null, e);
        }
    }

    private static byte[] body(ObjectNode item) {
        ObjectNode request = JSON.createObjectNode().put("model", JinaClipOnnxConfig.MODEL.modelName());
        request.putArray("input").add(item);
        try {
            return JSON.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree did not serialise", e);
        }
    }
}
