package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.server.RawHttp.Answer;
import dev.jinaclip.testing.Fixtures;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document says what the server does: its request schemas have the server's fields and
 * values, and the server's real answers (and the requests it takes or refuses) validate against its schemas.
 * The properties are {@link FullQueueRetryTest}'s, so one context serves both and a 429 is cheap to provoke.
 */
@TestPropertySource(properties = {"jina-clip.server.max-pending-requests=1", "jina-clip.server.retry-after=1s"})
class OpenApiDocumentTest extends ServerTest {

    // OpenAPI 3.1's dialect; the document's "components", beside the schema that references into it, is no keyword
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialect.builder(Dialects.getOpenApi31())
            .keyword(new NonValidationKeyword("components")).build());
    static final String IMAGE = Base64.getEncoder().encodeToString(Fixtures.solidPng(Color.RED, 300, 200));

    @Autowired
    AdmissionQueue queue;

    @Autowired
    JinaClipModel model;

    JsonNode document;

    @BeforeEach
    void fetchDocument() throws Exception {
        // no Authorization header, though the server takes a key
        Answer answer = RawHttp.get(baseUrl() + OpenApiController.PATH);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        document = answer.body();
    }

    Answer post(String body) throws Exception {
        return RawHttp.embeddings(baseUrl(), KEY, body);
    }

    JsonNode component(String name) {
        return document.at("/components/schemas/" + name);
    }

    /** A schema whose {@code #/components/...} references resolve in the document. */
    Schema schema(JsonNode schema) {
        ObjectNode root = RawHttp.JSON.createObjectNode();
        root.set("components", document.get("components"));
        root.putArray("allOf").add(schema);
        return SCHEMAS.getSchema(root);
    }

    JsonNode response(int status) {
        JsonNode response = document.at("/paths/~1v1~1embeddings/post/responses/" + status);
        assertThat(response.isMissingNode()).as("the document has a %d answer", status).isFalse();
        if (response.has("$ref")) {
            response = document.at(response.get("$ref").asText().substring(1));
        }
        return response;
    }

    List<String> errors(JsonNode schema, JsonNode instance) {
        return schema(schema).validate(instance).stream().map(Error::toString).toList();
    }

    void assertValidAnswer(Answer answer) {
        JsonNode schema = response(answer.status()).at("/content/application~1json/schema");
        assertThat(errors(schema, answer.body())).as("%d %s", answer.status(), answer.body()).isEmpty();
    }

    List<String> requestErrors(String body) throws Exception {
        return errors(document.at("/paths/~1v1~1embeddings/post/requestBody/content/application~1json/schema"),
                RawHttp.JSON.readTree(body));
    }

    static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void theServedDocumentIsTheCommittedOneInOpenApi31() throws Exception {
        assertThat(document).isEqualTo(RawHttp.JSON.readTree(OpenApiController.read()));
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void theRequestSchemasHaveTheServersFieldsAndValues() {
        assertThat(names(component("JinaRequest").get("properties"))).isEqualTo(model.requestFields())
                .isEqualTo(RequestShape.JINA.fields(model));
        assertThat(names(component("OpenAiRequest").get("properties"))).isEqualTo(RequestShape.OPENAI.fields(model));
        assertThat(component("JinaRequest").get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(component("OpenAiRequest").get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(texts(component("Model").get("enum"))).containsExactly(model.modelName());
        assertThat(texts(component("JinaRequest").at("/properties/embedding_type/enum")))
                .isEqualTo(Arrays.stream(OutputType.values()).map(OutputType::apiValue).toList());
        assertThat(texts(component("OpenAiRequest").at("/properties/encoding_format/enum")))
                .isEqualTo(Arrays.stream(OutputType.values()).filter(OutputType::openAi).map(OutputType::apiValue)
                        .toList());
        assertThat(component("JinaRequest").at("/properties/input/anyOf/1/maxItems").asInt())
                .isEqualTo(component("OpenAiRequest").at("/properties/input/anyOf/1/maxItems").asInt())
                .isEqualTo(JinaClipApiConfig.MAX_INPUTS_PER_REQUEST);
    }

    @Test
    void theEmbeddingSchemasHaveTheModelsLengths() {
        int dimension = model.dimension();
        assertThat(component("FloatEmbedding").get("minItems").asInt()).isEqualTo(dimension);
        assertThat(component("FloatEmbedding").get("maxItems").asInt()).isEqualTo(dimension);
        int base64 = Base64.getEncoder().encodeToString(new byte[dimension * Float.BYTES]).length();
        assertThat(component("Base64Embedding").get("minLength").asInt()).isEqualTo(base64);
        assertThat(component("Base64Embedding").get("maxLength").asInt()).isEqualTo(base64);
        for (String packed : new String[] {"BinaryEmbedding", "UbinaryEmbedding"}) {
            int bytes = OutputType.packedSigns(new float[dimension]).length;
            assertThat(component(packed).get("minItems").asInt()).isEqualTo(bytes);
            assertThat(component(packed).get("maxItems").asInt()).isEqualTo(bytes);
        }
    }

    @Test
    void everyOutputTypesAnswerValidates() throws Exception {
        for (OutputType type : OutputType.values()) {
            String body = "{\"model\":\"jina-clip-v1\",\"input\":[\"red\",{\"image\":\"" + IMAGE + "\"}],"
                    + "\"embedding_type\":\"" + type.apiValue() + "\",\"normalized\":true,\"truncate\":false}";
            assertThat(requestErrors(body)).isEmpty();
            Answer answer = post(body);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().at("/usage/image_tokens").asLong()).isPositive();
            assertValidAnswer(answer);
        }
        String openAi = "{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"encoding_format\":\"base64\",\"user\":\"u\"}";
        assertThat(requestErrors(openAi)).isEmpty();
        assertValidAnswer(post(openAi));
    }

    @Test
    void refusalsValidateAndTheRequestSchemasRefuseWhatThe422sRefuse() throws Exception {
        for (String refused : List.of(
                "{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"task\":\"retrieval.query\"}",
                "{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"embedding_type\":[\"float\"]}",
                "{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"encoding_format\":\"binary\"}",
                "{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"encoding_format\":\"float\",\"normalized\":true}",
                "{\"model\":\"jina-clip-v1\",\"input\":[{\"text\":\"red\",\"image\":\"x\"}]}",
                "{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"truncate\":\"yes\"}",
                "{\"input\":\"red\"}")) {
            Answer answer = post(refused);
            assertThat(answer.status()).as(refused).isEqualTo(422);
            assertValidAnswer(answer);
            assertThat(requestErrors(refused)).as(refused).isNotEmpty();
        }
        assertValidAnswer(post("{\"model\":\"jina-clip-v2\",\"input\":\"red\"}"));
        assertValidAnswer(post("{\"model\":\"jina-clip-v1\",\"input\":[\" \"]}"));
        assertValidAnswer(post("{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"dimensions\":256}"));
        assertValidAnswer(RawHttp.embeddings(baseUrl(), "not-a-key", "{\"model\":\"jina-clip-v1\",\"input\":\"red\"}"));
        Answer tooLarge = post("{\"model\":\"jina-clip-v1\",\"input\":\"" + "a".repeat(1_100_000) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertValidAnswer(tooLarge);
    }

    @Test
    void a429ValidatesAndCarriesTheDeclaredRetryAfter() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = FullQueueRetryTest.holdUntilRefused(queue, 1, held);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":\"red\"}");
        holder.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(429);
        assertValidAnswer(answer);
        JsonNode retryAfter = response(429).at("/headers/Retry-After");
        assertThat(retryAfter.get("required").asBoolean()).isTrue();
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(errors(retryAfter.get("schema"), RawHttp.JSON.getNodeFactory()
                        .numberNode(Long.parseLong(seconds)))).isEmpty());
    }

    @Test
    void theSchemasRefuseAnswersThatDrift() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"embedding_type\":\"ubinary\"}");
        JsonNode schema = response(200).at("/content/application~1json/schema");
        ObjectNode shorter = answer.body().deepCopy();
        ((ArrayNode) shorter.at("/data/0/embedding")).remove(0);
        assertThat(errors(schema, shorter)).isNotEmpty();
        ObjectNode extra = answer.body().deepCopy();
        extra.put("request_id", "r");
        assertThat(errors(schema, extra)).isNotEmpty();
        ObjectNode listDetail = RawHttp.JSON.createObjectNode();
        listDetail.putArray("detail").add("x");
        listDetail.put("code", "INVALID_INPUT");
        assertThat(errors(response(400).at("/content/application~1json/schema"), listDetail)).isNotEmpty();
    }
}
