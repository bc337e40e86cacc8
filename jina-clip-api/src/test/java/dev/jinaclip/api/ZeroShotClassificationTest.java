package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.classification.Classification;
import dev.jinaclip.core.classification.LabelProbability;
import dev.jinaclip.core.classification.ZeroShotClassifier;
import dev.jinaclip.testing.FakeJinaApi;
import java.net.URI;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero-shot classification on the hosted backend, against the fake API: its vectors add one direction per word,
 * so the image {@code https://img.example/red.png} shares the word "red" with the prompt "a photo of a red" and
 * no word with the other prompts.
 */
class ZeroShotClassificationTest {

    static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");
    static final List<ClipInput> IMAGES = List.of(image("red"), image("green"), image("blue"), image("yellow"),
            image("red"));

    @StartStop
    final MockWebServer server = new MockWebServer();

    static ClipInput image(String colour) {
        return ClipInput.imageUrl(URI.create("https://img.example/" + colour + ".png"));
    }

    JinaClipApiClient client(JinaClipModel model, FakeJinaApi api) {
        server.setDispatcher(api);
        return new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("jina_test").model(model)
                .baseUrl(server.url("/").toString()).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void should_classify_each_colour_as_its_own_for_every_batch_size(int batchSize) {
        FakeJinaApi api = new FakeJinaApi(JinaClipModel.JINA_CLIP_V1.dimension());
        try (JinaClipApiClient client = client(JinaClipModel.JINA_CLIP_V1, api)) {
            ZeroShotClassifier classifier = ZeroShotClassifier.builder(client).labels(COLOURS).batchSize(batchSize)
                    .build();

            List<Classification> results = classifier.classifyAll(IMAGES);

            assertThat(results).extracting(result -> result.best().label())
                    .containsExactly("red", "green", "blue", "yellow", "red");
            for (Classification result : results) {
                assertThat(result.labels().stream().mapToDouble(LabelProbability::probability).sum())
                        .isCloseTo(1.0, within(1e-9));
            }
            // one request for the prompts, one per batch of images
            assertThat(api.requests()).hasSize(1 + (IMAGES.size() + batchSize - 1) / batchSize);
        }
    }

    @ParameterizedTest
    @EnumSource(JinaClipModel.class)
    void should_send_the_prompts_as_queries_and_the_images_as_documents(JinaClipModel model) {
        FakeJinaApi api = new FakeJinaApi(model.dimension());
        try (JinaClipApiClient client = client(model, api)) {
            ZeroShotClassifier classifier = ZeroShotClassifier.builder(client).labels(COLOURS).build();

            assertThat(classifier.classify(image("blue")).best().label()).isEqualTo("blue");
            assertThat(classifier.classify(image("red")).best().label()).isEqualTo("red");

            List<JsonNode> requests = api.requests();
            assertThat(requests).hasSize(3);
            assertThat(requests.get(0).path("input").get(0).asText()).isEqualTo("a photo of a red");
            // jina-clip-v2 embeds queries with its retrieval.query task; v1's schema has no task
            assertThat(requests.get(0).path("task").asText(null))
                    .isEqualTo(model.supportsQueryTask() ? "retrieval.query" : null);
            assertThat(requests.get(1).has("task")).isFalse();
        }
    }
}
