package dev.jinaclip.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinaclip.api.EmbeddingType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** The hosted API's response body ({@code EmbeddingResponse}), which OpenAI clients read as their own. */
final class ResponseBodies {

    private ResponseBodies() {
    }

    static ObjectNode embeddings(String modelName, EmbeddingType type, ServedEmbeddings served) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        body.put("model", modelName);
        body.put("object", "list");
        ObjectNode usage = body.putObject("usage");
        usage.put("total_tokens", served.tokens());
        // "prompt_tokens: Same as total_tokens" in the API's own schema
        usage.put("prompt_tokens", served.tokens());
        if (served.hasImages()) {
            usage.put("image_tokens", served.imageTokens());
        }
        ArrayNode data = body.putArray("data");
        for (int index = 0; index < served.vectors().size(); index++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", index);
            float[] vector = served.vectors().get(index);
            if (type == EmbeddingType.BASE64) {
                item.put("embedding", base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float value : vector) {
                    values.add(value);
                }
            }
        }
        return body;
    }

    /** Little-endian float32, 4 bytes a dimension, as the API's clients (ours, OpenAI's) decode it. */
    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
