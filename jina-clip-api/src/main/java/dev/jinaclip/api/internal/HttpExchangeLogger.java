package dev.jinaclip.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;

/**
 * Logs requests and responses at INFO. Credentials are redacted (any header whose name suggests one, erring
 * towards redacting too much), image data and vectors are replaced by their size.
 */
public final class HttpExchangeLogger implements Interceptor {

    private static final long MAX_LOGGED_BODY = 64 * 1024 * 1024;

    private final Logger log;
    private final boolean logRequests;
    private final boolean logResponses;

    public HttpExchangeLogger(Logger log, boolean logRequests, boolean logResponses) {
        this.log = log;
        this.logRequests = logRequests;
        this.logResponses = logResponses;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (logRequests && log.isInfoEnabled()) {
            Buffer buffer = new Buffer();
            if (request.body() != null) {
                request.body().writeTo(buffer);
            }
            log.info("HTTP request:\n{} {}\n{}{}", request.method(), request.url(), headers(request.headers()),
                    elideImages(buffer.readUtf8()));
        }
        long start = System.nanoTime();
        Response response = chain.proceed(request);
        if (logResponses && log.isInfoEnabled()) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            String body = response.peekBody(MAX_LOGGED_BODY).string();
            log.info("HTTP response ({} ms):\nHTTP {}\n{}{}", millis, response.code(), headers(response.headers()),
                    elideVectors(body));
        }
        return response;
    }

    static String headers(Headers headers) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            out.append(name).append(": ").append(isSecret(name) ? "<redacted>" : headers.value(i)).append('\n');
        }
        return out.toString();
    }

    private static boolean isSecret(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return name.contains("auth") || name.contains("key") || name.contains("token") || name.contains("secret")
                || name.contains("cookie");
    }

    /** The request body with each base64 image replaced by its length; image URLs and texts are kept. */
    static String elideImages(String body) {
        JsonNode root = parse(body);
        if (root == null) {
            return body;
        }
        JsonNode input = root.get("input");
        if (input instanceof ArrayNode items) {
            for (JsonNode item : items) {
                JsonNode image = item.get("image");
                if (item instanceof ObjectNode object && image != null && image.isTextual() && !isUrl(image.asText())) {
                    object.set("image", TextNode.valueOf("<base64 image, " + image.asText().length() + " chars>"));
                }
            }
        }
        return root.toString();
    }

    /** The response body with each vector replaced by its size. */
    static String elideVectors(String body) {
        JsonNode root = parse(body);
        if (root == null) {
            return Snippet.of(body);
        }
        JsonNode data = root.get("data");
        if (data instanceof ArrayNode items) {
            for (JsonNode item : items) {
                JsonNode vector = item.get("embedding");
                if (item instanceof ObjectNode object && vector != null) {
                    object.set("embedding", TextNode.valueOf(vector.isArray()
                            ? "<" + vector.size() + " values>"
                            : "<base64 vector, " + vector.asText().length() + " chars>"));
                }
            }
        }
        return root.toString();
    }

    private static boolean isUrl(String value) {
        String start = value.substring(0, Math.min(8, value.length())).toLowerCase(Locale.ROOT);
        return start.startsWith("http://") || start.startsWith("https://");
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : Json.MAPPER.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }
}
