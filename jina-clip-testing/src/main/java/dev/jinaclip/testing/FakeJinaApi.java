package dev.jinaclip.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in for {@code POST /v1/embeddings} that answers like the real API, for offline tests.
 *
 * <p>Vectors are deterministic and meaningful: each word of a text, or of an image's URL, adds its own
 * pseudo-random direction, so "a red car" lands near "red" and near {@code https://img.example/red.png}.
 * The fake can shuffle {@code data}, hold each request to count how many are in flight, and encode base64.
 */
public final class FakeJinaApi extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int dimension;
    private volatile boolean shuffle;
    private volatile long delayMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    public FakeJinaApi(int dimension) {
        this.dimension = dimension;
    }

    /** Answer with {@code data} in random order. */
    public FakeJinaApi shuffled() {
        this.shuffle = true;
        return this;
    }

    /** Hold each request this long before answering, so that concurrent requests overlap. */
    public FakeJinaApi delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** The most requests that were being answered at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** The bodies received, in arrival order. */
    public List<JsonNode> requests() {
        return requests;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            JsonNode body = JSON.readTree(request.getBody().utf8());
            requests.add(body);
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(JSON.writeValueAsString(answer(body))).build();
        } catch (java.io.IOException e) {
            return new MockResponse.Builder().code(400).body("{\"detail\":\"bad json\"}").build();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ObjectNode answer(JsonNode body) {
        JsonNode input = body.get("input");
        boolean base64 = "base64".equals(body.path("embedding_type").asText());
        int dims = body.has("dimensions") ? body.get("dimensions").asInt() : dimension;
        List<ObjectNode> items = new ArrayList<>();
        int textTokens = 0;
        int imageTokens = 0;
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String content;
            if (item.isTextual()) {
                content = item.asText();
                textTokens += words(content).size();
            } else if (item.has("image")) {
                content = item.get("image").asText();
                imageTokens += 1000;
            } else {
                content = item.get("text").asText();
                textTokens += words(content).size();
            }
            float[] vector = vectorOf(content, dims);
            ObjectNode data = JSON.createObjectNode().put("object", "embedding").put("index", i);
            if (base64) {
                ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : vector) {
                    bytes.putFloat(v);
                }
                data.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
            } else {
                ArrayNode array = data.putArray("embedding");
                for (float v : vector) {
                    array.add(v);
                }
            }
            items.add(data);
        }
        if (shuffle) {
            Collections.shuffle(items, new Random(items.size()));
        }
        ObjectNode answer = JSON.createObjectNode().put("model", body.path("model").asText()).put("object", "list");
        ObjectNode usage = answer.putObject("usage")
                .put("total_tokens", textTokens + imageTokens)
                .put("prompt_tokens", textTokens + imageTokens);
        if (imageTokens > 0) {
            usage.put("image_tokens", imageTokens);
        }
        answer.putArray("data").addAll(items);
        return answer;
    }

    /** The vector the fake gives this text or image URL, L2-normalised. */
    public static float[] vectorOf(String content, int dimension) {
        float[] sum = new float[dimension];
        for (String word : words(content)) {
            Random random = new Random(word.hashCode());
            for (int d = 0; d < dimension; d++) {
                sum[d] += (float) random.nextGaussian();
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dimension; d++) {
            sum[d] = norm == 0 ? 0 : (float) (sum[d] / norm);
        }
        return sum;
    }

    private static List<String> words(String content) {
        List<String> words = new ArrayList<>();
        for (String word : content.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.length() > 2 && !word.equals("https") && !word.equals("http") && !word.equals("png")
                    && !word.equals("jpg") && !word.equals("example")) {
                words.add(word);
            }
        }
        return words;
    }
}
