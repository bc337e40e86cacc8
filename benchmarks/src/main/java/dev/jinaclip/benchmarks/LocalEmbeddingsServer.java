package dev.jinaclip.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Jina's {@code POST /v1/embeddings} for the hosted benchmark, on 127.0.0.1: checks each request against the
 * fields of the API's request schema, waits a fixed delay, and answers 768-d vectors as {@code float} JSON
 * arrays or {@code base64} little-endian float32, per {@code embedding_type}, with {@code usage} and
 * {@code model}. {@link HostedBenchmark} runs it in a process of its own, so that its CPU time is not counted as
 * the client's.
 *
 * <p>Arguments: the delay in milliseconds. Prints {@code PORT <port>} when it listens; exits when its standard
 * input closes.
 */
public final class LocalEmbeddingsServer {

    static final String PORT_LINE = "PORT ";

    private static final Set<String> REQUEST_FIELDS = Set.of("model", "input", "embedding_type", "normalized",
            "truncate", "dimensions", "task");
    private static final Set<String> MODELS = Set.of("jina-clip-v1", "jina-clip-v2");
    private static final int MAX_INPUTS = 2048;
    // vectors handed out in turn: distinct enough, and no per-request cost beyond writing them
    private static final int POOL = 256;

    private final ObjectMapper mapper = new ObjectMapper();
    private final long delayMillis;
    private final String[] floatVectors = new String[POOL];
    private final String[] base64Vectors = new String[POOL];

    private LocalEmbeddingsServer(long delayMillis) {
        this.delayMillis = delayMillis;
        Random random = new Random(42);
        for (int v = 0; v < POOL; v++) {
            ByteBuffer bytes = ByteBuffer.allocate(JinaClipOnnxConfig.MODEL.dimension() * Float.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < JinaClipOnnxConfig.MODEL.dimension(); i++) {
                float value = (float) (random.nextGaussian() / Math.sqrt(JinaClipOnnxConfig.MODEL.dimension()));
                bytes.putFloat(value);
                json.append(i == 0 ? "" : ",").append(value);
            }
            floatVectors[v] = json.append(']').toString();
            base64Vectors[v] = '"' + Base64.getEncoder().encodeToString(bytes.array()) + '"';
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: LocalEmbeddingsServer <delay in milliseconds>");
        }
        LocalEmbeddingsServer embeddings = new LocalEmbeddingsServer(Long.parseLong(args[0]));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        // a thread per request in flight: each sleeps through the delay
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/embeddings", embeddings::handle);
        server.start();
        System.out.println(PORT_LINE + server.getAddress().getPort());
        System.out.flush();
        InputStream parent = System.in;
        while (parent.read() >= 0) {
            // the benchmark keeps this pipe open while it needs the server
        }
        server.stop(0);
        System.exit(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request;
            try {
                request = mapper.readTree(body);
            } catch (JsonProcessingException e) {
                respond(exchange, 422, detail("the body is not JSON"));
                return;
            }
            Rejection rejection = check(exchange, request);
            if (rejection != null) {
                respond(exchange, rejection.status(), detail(rejection.detail()));
                return;
            }
            Thread.sleep(delayMillis);
            respond(exchange, 200, answer(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the API would refuse the request, or {@code null}. */
    private static Rejection check(HttpExchange exchange, JsonNode request) {
        if (!exchange.getRequestMethod().equals("POST")
                || !exchange.getRequestURI().getPath().equals("/v1/embeddings")) {
            return new Rejection(405, "only POST /v1/embeddings is served");
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return new Rejection(401, "no bearer token");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            return new Rejection(415, "Content-Type must be application/json");
        }
        if (request == null || !request.isObject()) {
            return new Rejection(422, "the body is not a JSON object");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REQUEST_FIELDS.contains(name)) {
                return new Rejection(422, "unknown field '" + name + "'");
            }
        }
        if (!MODELS.contains(request.path("model").asText())) {
            return new Rejection(422, "model must be one of " + MODELS);
        }
        JsonNode input = request.path("input");
        if (!input.isArray() || input.isEmpty() || input.size() > MAX_INPUTS) {
            return new Rejection(422, "input must be an array of 1 to " + MAX_INPUTS + " items");
        }
        for (JsonNode item : input) {
            boolean text = item.isTextual() && !item.asText().isBlank();
            boolean object = item.isObject() && (item.path("text").isTextual() || item.path("image").isTextual());
            if (!text && !object) {
                return new Rejection(422, "an input is neither a text nor a {text} or {image} object");
            }
        }
        String type = request.path("embedding_type").asText("float");
        if (!type.equals("float") && !type.equals("base64")) {
            return new Rejection(422, "embedding_type must be float or base64");
        }
        for (String flag : new String[] {"normalized", "truncate"}) {
            if (request.has(flag) && !request.get(flag).isBoolean()) {
                return new Rejection(422, flag + " must be a boolean");
            }
        }
        return null;
    }

    private String answer(JsonNode request) {
        boolean base64 = request.path("embedding_type").asText("float").equals("base64");
        String[] vectors = base64 ? base64Vectors : floatVectors;
        JsonNode input = request.get("input");
        StringBuilder json = new StringBuilder(input.size() * (base64 ? 4200 : 9000));
        json.append("{\"model\":\"").append(request.get("model").asText()).append("\",\"object\":\"list\",");
        int tokens = 0;
        json.append("\"data\":[");
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String text = item.isTextual() ? item.asText() : item.path("text").asText("");
            // a word a token, plus [CLS] and [SEP]; an image counts as Jina's 1,000 tokens
            tokens += item.has("image") ? 1000 : text.split("\\s+").length + 2;
            json.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":").append(vectors[i % POOL]).append('}');
        }
        json.append("],\"usage\":{\"total_tokens\":").append(tokens).append(",\"prompt_tokens\":").append(tokens)
                .append("}}");
        return json.toString();
    }

    private String detail(String detail) {
        return mapper.createObjectNode().put("detail", detail).toString();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Rejection(int status, String detail) {
    }
}
