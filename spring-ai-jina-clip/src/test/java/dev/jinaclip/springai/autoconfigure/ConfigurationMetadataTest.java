package dev.jinaclip.springai.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metadata IDEs use to complete and check the properties, and the property table of docs/spring-ai.md: every
 * property is described, and every default they state is the engine's own.
 */
class ConfigurationMetadataTest {

    private static final String P = "spring.ai.jina-clip.";

    /** Properties whose default is not one value: it depends on the backend, the machine or the environment. */
    private static final Set<String> NO_SINGLE_DEFAULT = Set.of("api-key", "dimensions", "max-batch-size",
            "onnx.model-directory", "onnx.cache-directory", "onnx.offline", "onnx.max-inference-memory",
            "onnx.intra-op-threads", "onnx.image-hosts");

    /** Renamed properties, kept in the metadata so that IDEs and the properties migrator name the new ones. */
    private static final Map<String, String> RENAMED = Map.of("onnx.model-dir", "onnx.model-directory",
            "onnx.cache-dir", "onnx.cache-directory");

    @Test
    void should_describe_every_property() throws Exception {
        Map<String, JsonNode> properties = properties();

        assertThat(properties).containsKeys(P + "backend", P + "api-key", P + "truncate", P + "connect-timeout",
                P + "log-requests", P + "onnx.max-batch-tokens", P + "onnx.execution-provider",
                P + "onnx.fail-on-truncation", P + "onnx.max-image-batch-size", P + "onnx.image-connect-timeout");
        assertThat(properties.values()).allSatisfy(p -> assertThat(p.path("description").asString()).isNotBlank());
    }

    @Test
    void should_state_the_engines_defaults() throws Exception {
        JinaClipApiConfig hosted = JinaClipApiConfig.builder().apiKey(TestSupport.API_KEY).build();
        JinaClipOnnxConfig local = JinaClipOnnxConfig.builder().build();

        for (Map.Entry<String, JsonNode> property : settings().entrySet()) {
            String name = property.getKey();
            JsonNode documented = property.getValue().get("defaultValue");
            if (NO_SINGLE_DEFAULT.contains(name)) {
                assertThat(documented).as(name).isNull();
                continue;
            }
            assertThat(documented).as(name + " has a default").isNotNull();
            Object engine = switch (name) {
                case "backend" -> "api";
                case "base-url" -> JinaClipApiConfig.DEFAULT_BASE_URL;
                case "model" -> hosted.model().modelName();
                case "onnx.max-image-pixels" -> ClipImagePreprocessor.DEFAULT_MAX_PIXELS;
                default -> name.startsWith("onnx.") ? setting(local, name.substring(5)) : setting(hosted, name);
            };
            assertThat(convert(documented.asString(), engine.getClass())).as(name).isEqualTo(engine);
        }
    }

    @Test
    void should_name_the_new_property_of_each_renamed_one() throws Exception {
        Map<String, JsonNode> properties = properties();

        RENAMED.forEach((old, renamed) -> {
            JsonNode deprecation = properties.get(P + old).get("deprecation");
            assertThat(deprecation.get("level").asString()).isEqualTo("error");
            assertThat(deprecation.get("replacement").asString()).isEqualTo(P + renamed);
            assertThat(properties).containsKey(P + renamed);
        });
    }

    @Test
    void should_document_every_property_with_the_default_of_the_metadata() throws Exception {
        List<String> docs = Files.readAllLines(Path.of("..", "docs", "spring-ai.md"));

        for (Map.Entry<String, JsonNode> property : settings().entrySet()) {
            String row = docs.stream().filter(line -> line.startsWith("| `" + P + property.getKey() + "` |"))
                    .findFirst().orElseThrow(() -> new AssertionError("docs/spring-ai.md lacks " + property.getKey()));
            String defaultColumn = row.substring(row.lastIndexOf(" | ") + 3);
            JsonNode documented = property.getValue().get("defaultValue");
            if (documented != null) {
                assertThat(defaultColumn).as(property.getKey()).contains("`" + documented.asString() + "`");
            }
        }
        String batchSize = docs.stream().filter(line -> line.startsWith("| `" + P + "max-batch-size` |"))
                .findFirst().orElseThrow();
        assertThat(batchSize).contains(JinaClipApiConfig.DEFAULT_MAX_BATCH_SIZE + " (`api`)",
                JinaClipOnnxConfig.DEFAULT_MAX_BATCH_SIZE + " (`onnx`)");
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
        assertThat(values(hints.get(P + "onnx.execution-provider"))).containsExactly("cpu", "cuda");
        assertThat(values(hints.get("spring.ai.model.embedding"))).containsExactly("jina-clip");
        assertThat(values(hints.get("spring.ai.model.embedding.multimodal"))).containsExactly("jina-clip");
    }

    /** The properties that are not renamed ones, by their name after {@value #P}. */
    private static Map<String, JsonNode> settings() throws Exception {
        Map<String, JsonNode> settings = new TreeMap<>();
        properties().forEach((name, node) -> {
            if (!node.has("deprecation")) {
                settings.put(name.substring(P.length()), node);
            }
        });
        return settings;
    }

    private static Object setting(Object config, String property) {
        String method = java.util.regex.Pattern.compile("-([a-z])").matcher(property)
                .replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
        try {
            return config.getClass().getMethod(method).invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("The engine's configuration has no " + method + "()", e);
        }
    }

    private static Object convert(String documented, Class<?> type) {
        if (type == Long.class && !documented.chars().allMatch(Character::isDigit)) {
            return DataSize.parse(documented).toBytes();
        }
        return ApplicationConversionService.getSharedInstance().convert(documented, type);
    }

    private static Map<String, JsonNode> properties() throws Exception {
        return byName(metadata().get("properties"));
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
