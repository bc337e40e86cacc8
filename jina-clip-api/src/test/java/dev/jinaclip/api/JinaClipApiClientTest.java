package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.testing.FakeJinaApi;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JinaClipApiClientTest {

    static final String KEY = "jina_test_key_0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    final MockWebServer server = new MockWebServer();
    JinaClipApiClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    JinaClipApiClient client(Consumer<JinaClipApiConfig.Builder> settings) {
        JinaClipApiConfig.Builder builder = JinaClipApiConfig.builder()
                .apiKey(KEY)
                .baseUrl(server.url("/").toString());
        settings.accept(builder);
        client = new JinaClipApiClient(builder.build());
        return client;
    }

    JsonNode takeBody() throws InterruptedException, IOException {
        return JSON.readTree(server.takeRequest().getBody().utf8());
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    @Test
    void should_send_a_v1_text_batch_as_plain_strings_with_only_the_v1_fields() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        client(b -> { });

        // when
        client.embed(List.of(ClipInput.text("a red car"), ClipInput.text("a blue sea")));

        // then
        var request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/embeddings");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body).isEqualTo(JSON.readTree("""
                {"model":"jina-clip-v1","input":["a red car","a blue sea"],
                 "embedding_type":"float","normalized":true,"truncate":false}"""));
    }

    @Test
    void should_send_a_mixed_batch_as_text_and_image_items() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        client(b -> b.truncate(true).normalized(false));
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        // when
        client.embed(List.of(ClipInput.text("a cat"),
                ClipInput.imageUrl(URI.create("https://img.example/cat.jpg")),
                ClipInput.imageBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));

        // then
        assertThat(takeBody()).isEqualTo(JSON.readTree("""
                {"model":"jina-clip-v1",
                 "input":[{"text":"a cat"},{"image":"https://img.example/cat.jpg"},{"image":"%s"}],
                 "embedding_type":"float","normalized":false,"truncate":true}""".formatted(png)));
    }

    @Test
    void should_send_dimensions_and_the_query_task_only_for_v2() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(1024));
        client(b -> b.model("jina-clip-v2").dimensions(64));

        // when
        ClipEmbeddings query = client.embed(List.of(ClipInput.text("red")), ClipInputType.QUERY);
        client.embed(List.of(ClipInput.text("red")), ClipInputType.DOCUMENT);

        // then
        assertThat(query.vectors().get(0)).hasSize(64);
        JsonNode queryBody = takeBody();
        assertThat(fieldNames(queryBody))
                .containsExactly("dimensions", "embedding_type", "input", "model", "normalized", "task", "truncate");
        assertThat(queryBody.get("task").asText()).isEqualTo("retrieval.query");
        assertThat(queryBody.get("dimensions").asInt()).isEqualTo(64);
        assertThat(fieldNames(takeBody())).doesNotContain("task");
    }

    @Test
    void should_never_send_task_for_v1_queries() throws Exception {
        server.setDispatcher(new FakeJinaApi(768));
        client(b -> { });

        client.embed(List.of(ClipInput.text("red")), ClipInputType.QUERY);

        assertThat(fieldNames(takeBody()))
                .containsExactly("embedding_type", "input", "model", "normalized", "truncate");
    }

    @Test
    void should_split_into_batches_and_return_vectors_in_input_order_when_data_is_shuffled() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(768).shuffled());
        client(b -> b.maxBatchSize(4));
        List<String> texts = IntStream.range(0, 10).mapToObj(i -> "text number " + words(i)).toList();

        // when
        ClipEmbeddings result = client.embed(texts.stream().map(ClipInput::text).toList());

        // then
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(result.vectors()).hasSize(10);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(result.vectors().get(i)).containsExactly(FakeJinaApi.vectorOf(texts.get(i), 768));
        }
        List<Integer> batchSizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batchSizes.add(takeBody().get("input").size());
        }
        assertThat(batchSizes).containsExactlyInAnyOrder(4, 4, 2);
        assertThat(result.usage().totalTokens()).isEqualTo(40); // the fake bills one token a word: 4 a text
    }

    @Test
    void should_decode_base64_vectors_to_the_same_floats() {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        client(b -> b.embeddingType(EmbeddingType.BASE64));

        // when
        ClipEmbeddings result = client.embed(List.of(ClipInput.text("green forest")));

        // then
        assertThat(result.vectors().get(0)).containsExactly(FakeJinaApi.vectorOf("green forest", 768));
    }

    @Test
    void should_report_image_tokens_when_the_api_sends_them() {
        server.setDispatcher(new FakeJinaApi(768));
        client(b -> { });

        ClipEmbeddings result = client.embed(List.of(
                ClipInput.text("cat"), ClipInput.imageUrl(URI.create("https://img.example/cat.png"))));

        assertThat(result.usage().imageTokens()).isEqualTo(1000);
        assertThat(result.usage().totalTokens()).isEqualTo(1001);
        assertThat(result.modelName()).isEqualTo("jina-clip-v1");
    }

    @Test
    void should_return_an_empty_result_without_a_request_for_no_inputs() {
        client(b -> { });

        assertThat(client.embed(List.of()).vectors()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_reject_bad_inputs_before_sending_anything() {
        client(b -> { });

        assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("ok"), ClipInput.text("  "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input 1: text is blank");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_refuse_calls_after_close() {
        client(b -> { });
        client.close();

        assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void should_stop_at_the_first_failing_batch_and_name_its_input_range() {
        // given: the batch holding inputs 2..3 is rejected
        FakeJinaApi fake = new FakeJinaApi(768);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                if (request.getBody().utf8().contains("poison")) {
                    return new MockResponse.Builder().code(400)
                            .body("{\"detail\":\"bad input\",\"code\":\"INPUT_INVALID\"}").build();
                }
                return fake.dispatch(request);
            }
        });
        client(b -> b.maxBatchSize(2).maxConcurrentRequests(1));
        List<ClipInput> inputs = List.of(ClipInput.text("one"), ClipInput.text("two"), ClipInput.text("poison"),
                ClipInput.text("four"), ClipInput.text("five"), ClipInput.text("six"));

        // when / then
        assertThatThrownBy(() -> client.embed(inputs))
                .isInstanceOfSatisfying(JinaApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.fromInput()).isEqualTo(2);
                    assertThat(e.toInput()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("for inputs 2..3");
                });
    }

    static String words(int i) {
        return new String[] {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}[i]
                + " end";
    }
}
