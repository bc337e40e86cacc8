package consumer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The hosted consumers' stand-in for {@code POST /v1/embeddings} on 127.0.0.1, on the JDK's own HTTP server so that
 * the consumer's test class path adds nothing to the artifacts under test: answers a request for one input with
 * {@link #vector()}, and keeps the bodies it received.
 */
public final class HostedApi implements AutoCloseable {

    private final HttpServer server;
    private final float[] vector;
    private final List<String> requests = new ArrayList<>();

    public HostedApi(int dimension) {
        vector = new float[dimension];
        vector[0] = 0.6f;
        vector[dimension - 1] = 0.8f;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/embeddings", exchange -> {
            synchronized (requests) {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = answer().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The vector every answer holds. */
    public float[] vector() {
        return vector.clone();
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private String answer() {
        StringJoiner components = new StringJoiner(",", "[", "]");
        for (float component : vector) {
            components.add(Float.toString(component));
        }
        return "{\"model\":\"jina-clip-v1\",\"object\":\"list\",\"usage\":{\"total_tokens\":3,\"prompt_tokens\":3},"
                + "\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":" + components + "}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
