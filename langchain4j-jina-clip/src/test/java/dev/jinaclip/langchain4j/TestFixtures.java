package dev.jinaclip.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared pieces of the adapter tests: a model pointed at a local server, and request inspection. */
final class TestFixtures {

    static final String API_KEY = "jina_test_key";

    /** A 1×1 PNG, small enough to inline and valid enough to be a real image. */
    static final byte[] PNG_BYTES = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG_BYTES);

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestFixtures() {
    }

    /** A builder for a model that talks to {@code server} with a dummy key, without retry delays worth waiting for. */
    static JinaClipApiEmbeddingModel.Builder modelFor(MockWebServer server) {
        return JinaClipApiEmbeddingModel.builder()
                .apiKey(API_KEY)
                .baseUrl(server.url("/").toString())
                .initialRetryDelay(java.time.Duration.ofMillis(1))
                .maxRetryDelay(java.time.Duration.ofMillis(10));
    }

    /** The JSON body of a recorded request. */
    static JsonNode body(RecordedRequest request) throws Exception {
        return JSON.readTree(request.getBody().utf8());
    }

    /** The names of a JSON object's fields. */
    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
