package dev.jinaclip.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The hosted API's response body ({@code EmbeddingResponse}), which OpenAI clients read as their own. */
final class ResponseBodies {

    private ResponseBodies() {
    }

    static ObjectNode embeddings(String modelName, OutputType type, ServedEmbeddings served) {
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
            item.set("embedding", type.encode(served.vectors().get(index)));
        }
        return body;
    }
}
