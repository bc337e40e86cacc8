package dev.jinaclip.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.core.ClipUsage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns a response body into vectors in input order, or fails: every index from 0 to n - 1 exactly once,
 * every vector of the expected dimension and finite. Jina does not promise {@code data} in input order.
 */
public final class ResponseDecoder {

    private final int dimension;
    private final EmbeddingType embeddingType;

    public ResponseDecoder(int dimension, EmbeddingType embeddingType) {
        this.dimension = dimension;
        this.embeddingType = embeddingType;
    }

    /**
     * @param expected the number of inputs sent
     * @throws InvalidResponseException if the body is not a complete answer
     */
    public DecodedBatch decode(byte[] body, int expected) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidResponseException("body is not JSON: " + Snippet.of(body), e);
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new InvalidResponseException("no 'data' array in body: " + Snippet.of(body));
        }
        float[][] vectors = new float[expected][];
        for (JsonNode item : data) {
            JsonNode indexNode = item.get("index");
            if (indexNode == null || !indexNode.canConvertToExactIntegral()) {
                throw new InvalidResponseException("an item of 'data' has no integer 'index'");
            }
            int index = indexNode.asInt();
            if (index < 0 || index >= expected) {
                throw new InvalidResponseException(
                        "'data' has index " + index + ", but only " + expected + " inputs were sent");
            }
            if (vectors[index] != null) {
                throw new InvalidResponseException("'data' has index " + index + " more than once");
            }
            vectors[index] = vector(item.get("embedding"), index);
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            if (vectors[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidResponseException("'data' has " + data.size() + " embeddings for " + expected
                    + " inputs; missing indexes " + abbreviate(missing));
        }
        return new DecodedBatch(vectors, usage(root.get("usage")));
    }

    private float[] vector(JsonNode embedding, int index) {
        if (embedding == null || embedding.isNull()) {
            throw new InvalidResponseException("no 'embedding' at index " + index);
        }
        float[] vector;
        if (embeddingType == EmbeddingType.BASE64) {
            if (!embedding.isTextual()) {
                throw new InvalidResponseException("embedding at index " + index + " is not a base64 string");
            }
            vector = decodeBase64(embedding.asText(), index);
        } else {
            if (!embedding.isArray()) {
                throw new InvalidResponseException("embedding at index " + index + " is not an array of numbers");
            }
            vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                JsonNode value = embedding.get(i);
                if (!value.isNumber()) {
                    throw new InvalidResponseException("embedding at index " + index + " has a non-number at " + i);
                }
                vector[i] = value.floatValue();
            }
        }
        if (vector.length != dimension) {
            throw new InvalidResponseException("embedding at index " + index + " has " + vector.length
                    + " dimensions, expected " + dimension);
        }
        requireFinite(vector, index);
        return vector;
    }

    /** NaN and Infinity (also a JSON number too large for a float32, such as 1e39) poison every similarity. */
    private static void requireFinite(float[] vector, int index) {
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new InvalidResponseException("embedding at index " + index + " has " + vector[i]
                        + " at component " + i + "; a vector must hold finite float32 values");
            }
        }
    }

    private static float[] decodeBase64(String text, int index) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidResponseException("embedding at index " + index + " is not valid base64", e);
        }
        if (bytes.length % Float.BYTES != 0) {
            throw new InvalidResponseException("embedding at index " + index + " has " + bytes.length
                    + " bytes, not a whole number of float32 values");
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private static ClipUsage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return ClipUsage.NONE;
        }
        int total = usage.path("total_tokens").asInt(0);
        // older API versions send only total_tokens ("prompt_tokens: same as total_tokens")
        int prompt = usage.hasNonNull("prompt_tokens") ? usage.get("prompt_tokens").asInt() : total;
        Integer images = usage.hasNonNull("image_tokens") ? usage.get("image_tokens").asInt() : null;
        return new ClipUsage(prompt, total, images);
    }

    private static String abbreviate(List<Integer> indexes) {
        return indexes.size() <= 10 ? indexes.toString()
                : indexes.subList(0, 10).toString().replace("]", ", ... (" + indexes.size() + " in all)]");
    }
}
