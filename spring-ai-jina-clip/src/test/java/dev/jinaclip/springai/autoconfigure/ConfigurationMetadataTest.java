package dev.jinaclip.springai.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata the configuration processor generates, which IDEs use to complete and check the properties. */
class ConfigurationMetadataTest {

    private static final String P = "spring.ai.jina-clip.";

    @Test
    void should_describe_every_property_with_its_default() throws Exception {
        // when
        Map<String, JsonNode> properties = byName(metadata().get("properties"));

        // then
        assertThat(properties.keySet()).containsExactlyInAnyOrder(P + "backend", P + "api-key", P + "base-url",
                P + "model", P + "dimensions", P + "normalized", P + "embedding-type", P + "max-batch-size",
                P + "max-concurrent-requests", P + "timeout", P + "max-retries", P + "onnx.model-dir",
                P + "onnx.cache-dir", P + "onnx.revision", P + "onnx.variant", P + "onnx.max-text-tokens",
                P + "onnx.intra-op-threads", P + "onnx.offline");
        assertThat(properties.values()).allSatisfy(p -> assertThat(p.path("description").asString()).isNotBlank());
        assertThat(properties.get(P + "backend").get("defaultValue").asString()).isEqualTo("api");
        assertThat(properties.get(P + "model").get("defaultValue").asString()).isEqualTo("jina-clip-v1");
        assertThat(properties.get(P + "timeout").get("defaultValue").asString()).isEqualTo("60s");
        assertThat(properties.get(P + "onnx.variant").get("defaultValue").asString()).isEqualTo("fp32");
    }

    @Test
    void should_hint_the_enumerated_values() throws Exception {
        // when
        Map<String, JsonNode> hints = byName(metadata().get("hints"));

        // then
        assertThat(values(hints.get(P + "backend"))).containsExactly("api", "onnx");
        assertThat(values(hints.get(P + "model"))).containsExactly("jina-clip-v1", "jina-clip-v2");
        assertThat(values(hints.get(P + "embedding-type"))).containsExactly("float", "base64");
        assertThat(values(hints.get(P + "onnx.variant")))
                .containsExactly("fp32", "fp16", "int8", "uint8", "quantized", "q4", "bnb4");
        assertThat(values(hints.get("spring.ai.model.embedding"))).containsExactly("jina-clip");
        assertThat(values(hints.get("spring.ai.model.embedding.multimodal"))).containsExactly("jina-clip");
    }

    private static JsonNode metadata() throws Exception {
        try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> byName = new HashMap<>();
        array.forEach(node -> byName.put(node.get("name").asString(), node));
        return byName;
    }

    private static List<String> values(JsonNode hint) {
        return hint.get("values").valueStream().map(v -> v.get("value").asString()).toList();
    }
}
