package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.testing.Fixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint's answers to raw requests: the fields, types, limits and errors of the hosted API. */
class RequestContractTest extends ServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
    }

    Answer post(String body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/embeddings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    Answer post(String body) throws IOException, InterruptedException {
        return post(body, "Bearer " + KEY);
    }

    @Test
    void theJinaResponseShape() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":[\"red\",{\"text\":\"blue\"}],"
                + "\"embedding_type\":\"float\",\"normalized\":true,\"truncate\":false}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("model").asText()).isEqualTo("jina-clip-v1");
        assertThat(answer.body().get("object").asText()).isEqualTo("list");
        assertThat(answer.body().at("/usage/prompt_tokens").asLong())
                .isEqualTo(answer.body().at("/usage/total_tokens").asLong()).isPositive();
        assertThat(answer.body().at("/usage").has("image_tokens")).isFalse();
        assertThat(answer.body().at("/data/0/index").asInt()).isZero();
        assertThat(answer.body().at("/data/1/index").asInt()).isEqualTo(1);
        assertThat(answer.body().at("/data/1/embedding")).hasSize(768);
        assertThat(answer.body().at("/data/1/object").asText()).isEqualTo("embedding");
    }

    @Test
    void anExtraFieldIs422InTheApiShape() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":[\"red\"],\"task\":\"retrieval.query\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().at("/detail/0/type").asText()).isEqualTo("extra_forbidden");
        assertThat(answer.body().at("/detail/0/loc/1").asText()).isEqualTo("task");
        assertThat(answer.body().at("/detail/0/msg").asText()).startsWith("Extra inputs are not permitted");
    }

    @Test
    void aBodyMixingBothShapesIs422() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":[\"red\"],\"encoding_format\":\"float\","
                + "\"normalized\":false}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().at("/detail/0/loc/1").asText()).isEqualTo("normalized");
    }

    @Test
    void wrongTypesAndValuesAre422() throws Exception {
        assertThat(post("{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"normalized\":\"yes\"}").body()
                .at("/detail/0/type").asText()).isEqualTo("bool_type");
        assertThat(post("{\"model\":\"jina-clip-v1\",\"input\":\"red\",\"embedding_type\":\"int8\"}").status())
                .isEqualTo(422);
        assertThat(post("{\"model\":\"jina-clip-v1\",\"input\":[{\"text\":\"red\",\"image\":\"x\"}]}").body()
                .at("/detail/0/loc/1").asText()).isEqualTo("input[0]");
        assertThat(post("{\"model\":\"jina-clip-v1\"}").body().at("/detail/0/type").asText()).isEqualTo("missing");
        assertThat(post("{\"model\":").status()).isEqualTo(422);
    }

    @Test
    void anotherModelIs400() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v2\",\"input\":[\"red\"]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("INPUT_MODEL_NOT_FOUND");
    }

    @Test
    void moreThan2048InputsIs400() throws Exception {
        String inputs = String.join(",", Collections.nCopies(2049, "\"a\""));
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":[" + inputs + "]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").asText())
                .startsWith("input length is larger than the largest allowed size 2048");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":\"" + "a".repeat(1_100_000) + "\"}");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("detail").asText()).contains("jina-clip.server.max-body-size");
    }

    @Test
    void imageUrlsAreNotFetched() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":[\"red\",{\"image\":\"http://127.0.0.1:1/x.png\"}]}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").asText()).startsWith("Input 1: this server does not fetch image URLs");
    }

    @Test
    void aLongTextIsRefusedUnlessTruncated() throws Exception {
        String longText = "red ".repeat(600);
        Answer refused = post("{\"model\":\"jina-clip-v1\",\"input\":[\"blue\",\"" + longText + "\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).startsWith("Input 1: the text has").contains("truncate");
        Answer truncated = post("{\"model\":\"jina-clip-v1\",\"input\":[\"blue\",\"" + longText
                + "\"],\"truncate\":true}");
        assertThat(truncated.status()).isEqualTo(200);
        assertSameAsInProcess(List.of(ClipInput.text("blue"), ClipInput.text(longText)), vectors(truncated));
        // billed as the hosted API bills it: the whole text, not the part embedded
        assertThat(truncated.body().at("/usage/total_tokens").asLong()).isGreaterThan(600);
    }

    @Test
    void normalizedFalseGivesTheRawVector() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":[\"red\"],\"normalized\":false}");
        float[] raw = vectors(answer).get(0);
        // the fixture's outputs are not unit length
        assertThat(Fixtures.norm(raw)).isNotCloseTo(1.0, Offset.offset(0.01));
        assertSameDirectionAsInProcess(List.of(ClipInput.text("red")), List.of(raw));
    }

    @Test
    void keysAreRequired() throws Exception {
        String body = "{\"model\":\"jina-clip-v1\",\"input\":[\"red\"]}";
        assertThat(post(body, null).body().get("code").asText()).isEqualTo("AUTH_MISSING_API_KEY");
        assertThat(post(body, KEY).body().get("code").asText()).isEqualTo("AUTH_INVALID_FORMAT");
        Answer wrong = post(body, "Bearer other");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("code").asText()).isEqualTo("AUTH_INVALID_API_KEY");
    }

    @Test
    void openAiTokenArraysAreRefused() throws Exception {
        Answer answer = post("{\"model\":\"jina-clip-v1\",\"input\":[[1,2,3]],\"encoding_format\":\"float\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().at("/detail/0/msg").asText()).contains("token arrays are not supported");
    }

    static List<float[]> vectors(Answer answer) {
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode item : answer.body().get("data")) {
            vectors.add(Fixtures.floats(item.get("embedding")));
        }
        return vectors;
    }
}
