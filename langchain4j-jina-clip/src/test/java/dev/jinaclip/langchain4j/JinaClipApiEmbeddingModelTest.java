package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.API_KEY;
import static dev.jinaclip.langchain4j.TestFixtures.body;
import static dev.jinaclip.langchain4j.TestFixtures.fieldNames;
import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.request.EmbeddingInputType;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link JinaClipApiEmbeddingModel} sends, what it returns, and how it describes itself. */
class JinaClipApiEmbeddingModelTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private JinaClipApiEmbeddingModel model;

    @AfterEach
    void stop() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void should_send_only_v1_fields_and_plain_strings_for_a_text_batch() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).build();

        // when
        model.embedAll(List.of(TextSegment.from("a red car"), TextSegment.from("a blue boat")));

        // then
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        JsonNode json = body(request);
        assertThat(fieldNames(json)).containsExactlyInAnyOrder("model", "input", "embedding_type", "normalized", "truncate");
        assertThat(json.get("model").asText()).isEqualTo("jina-clip-v1");
        assertThat(json.get("input").get(0).isTextual()).isTrue();
        assertThat(json.get("input").get(0).asText()).isEqualTo("a red car");
        assertThat(json.get("input").get(1).asText()).isEqualTo("a blue boat");
    }

    @Test
    void should_send_text_and_image_items_for_a_mixed_batch() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).build();
        EmbeddingRequest request = EmbeddingRequest.builder()
                .input(TextContent.from("a red car"))
                .input(ImageContent.from("https://img.example/red.png"))
                .build();

        // when
        model.embed(request);

        // then
        JsonNode input = body(server.takeRequest()).get("input");
        assertThat(fieldNames(input.get(0))).containsExactly("text");
        assertThat(input.get(0).get("text").asText()).isEqualTo("a red car");
        assertThat(fieldNames(input.get(1))).containsExactly("image");
        assertThat(input.get(1).get("image").asText()).isEqualTo("https://img.example/red.png");
    }

    @Test
    void should_send_dimensions_for_v2_when_configured() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(1024));
        model = modelFor(server).model(JinaClipModel.JINA_CLIP_V2).dimensions(256).build();

        // when
        Embedding embedding = model.embed("a red car").content();

        // then
        JsonNode json = body(server.takeRequest());
        assertThat(json.get("model").asText()).isEqualTo("jina-clip-v2");
        assertThat(json.get("dimensions").asInt()).isEqualTo(256);
        assertThat(embedding.dimension()).isEqualTo(256);
    }

    @Test
    void should_send_retrieval_query_task_for_v2_queries() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(1024));
        model = modelFor(server).model("jina-clip-v2").build();

        // when
        model.embed(EmbeddingRequest.builder().input("red car").inputType(EmbeddingInputType.QUERY).build());

        // then
        assertThat(body(server.takeRequest()).get("task").asText()).isEqualTo("retrieval.query");
    }

    @Test
    void should_send_no_task_for_v1_queries() throws Exception {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).build();

        // when
        model.embed(EmbeddingRequest.builder().input("red car").inputType(EmbeddingInputType.QUERY).build());

        // then
        JsonNode json = body(server.takeRequest());
        assertThat(json.has("task")).isFalse();
        assertThat(json.has("dimensions")).isFalse();
    }

    @Test
    void should_return_vectors_in_input_order_across_shuffled_batches() {
        // given
        server.setDispatcher(new FakeJinaApi(768).shuffled());
        model = modelFor(server).maxBatchSize(3).build();
        List<String> texts = IntStream.range(0, 10).mapToObj(i -> "passage about " + word(i)).toList();

        // when
        Response<List<Embedding>> response = model.embedAll(texts.stream().map(TextSegment::from).toList());

        // then
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(response.content()).hasSize(10);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(response.content().get(i).vector())
                    .as("vector of input %d", i)
                    .containsExactly(FakeJinaApi.vectorOf(texts.get(i), 768), within(1e-6f));
        }
    }

    @Test
    void should_sum_token_usage_over_batches() {
        // given: every text has three words, which the fake bills as three tokens
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).maxBatchSize(3).build();
        List<TextSegment> segments = IntStream.range(0, 10)
                .mapToObj(i -> TextSegment.from("passage about " + word(i))).toList();

        // when
        Response<List<Embedding>> response = model.embedAll(segments);

        // then
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(30);
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(30);
    }

    @Test
    void should_report_image_tokens_in_embed_images_metadata() {
        // given: the fake bills 1000 tokens per image
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).build();

        // when
        Response<List<Embedding>> response = model.embedImages(List.of(
                Image.builder().url("https://img.example/red.png").build(),
                Image.builder().url("https://img.example/blue.png").build()));

        // then
        assertThat(response.content()).hasSize(2);
        assertThat(response.metadata()).containsEntry(MultimodalEmbeddingModel.IMAGE_TOKENS, 2000);
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(2000);
    }

    @Test
    void should_return_clip_metadata_with_image_tokens_from_embed_request() {
        // given
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).build();

        // when
        EmbeddingResponse response = model.embed(EmbeddingRequest.builder()
                .input(ImageContent.from("https://img.example/red.png")).build());

        // then
        assertThat(response.metadata()).isInstanceOf(ClipEmbeddingResponseMetadata.class);
        ClipEmbeddingResponseMetadata metadata = (ClipEmbeddingResponseMetadata) response.metadata();
        assertThat(metadata.imageTokens()).isEqualTo(1000);
        assertThat(metadata.modelName()).isEqualTo("jina-clip-v1");
    }

    @Test
    void should_know_its_dimension_without_calling_the_api() {
        // given
        model = modelFor(server).build();
        try (JinaClipApiEmbeddingModel v2 = modelFor(server).model(JinaClipModel.JINA_CLIP_V2)
                .dimensions(256).build()) {

            // when / then
            assertThat(model.dimension()).isEqualTo(768);
            assertThat(v2.dimension()).isEqualTo(256);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_describe_model_name_provider_and_content_types() {
        // given
        model = modelFor(server).build();

        // when / then
        assertThat(model.modelName()).isEqualTo("jina-clip-v1");
        assertThat(model.provider()).isEqualTo(ModelProvider.JINA);
        assertThat(model.supportedContentTypes()).contains(ContentType.TEXT, ContentType.IMAGE);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_reject_dimensions_for_v1_at_build() {
        // given
        JinaClipApiEmbeddingModel.Builder builder = modelFor(server).dimensions(256);

        // when / then
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimensions");
    }

    @Test
    void should_never_show_the_api_key_in_to_string() {
        // given
        JinaClipApiEmbeddingModel.Builder builder = modelFor(server);
        model = builder.build();

        // when / then
        assertThat(builder.toString()).doesNotContain(API_KEY);
        assertThat(model.toString()).doesNotContain(API_KEY).contains("jina-clip-v1");
    }

    private static String word(int i) {
        return List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet")
                .get(i);
    }
}
