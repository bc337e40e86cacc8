package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.core.classification.Classification;
import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zero-shot classification of LangChain4j images, on either backend, with the same application code. */
class JinaClipImageClassifierTest {

    static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");

    @StartStop
    final MockWebServer api = new MockWebServer();

    @TempDir
    Path dir;

    static Image png(Color colour) {
        return Image.builder().base64Data(Base64.getEncoder().encodeToString(solidPng(colour, 60, 40)))
                .mimeType("image/png").build();
    }

    static Image url(String colour) {
        return Image.builder().url(URI.create("https://img.example/" + colour + ".png")).build();
    }

    /** Application code, written once against the model. */
    static List<String> bestLabels(JinaClipEmbeddingModel model, List<Image> images, int batchSize) {
        JinaClipImageClassifier classifier = JinaClipImageClassifier.builder(model).labels(COLOURS)
                .batchSize(batchSize).build();
        return classifier.classifyAll(images).stream().map(result -> result.best().label()).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void should_classify_on_the_local_backend_for_every_batch_size(int batchSize) throws Exception {
        Path blue = Files.write(dir.resolve("blue.png"), solidPng(Color.BLUE, 30, 90));
        try (JinaClipOnnxEmbeddingModel local = JinaClipOnnxEmbeddingModel.builder()
                .modelDirectory(model("semantic")).intraOpThreads(1).build()) {

            List<String> labels = bestLabels(local, List.of(png(Color.RED), Image.builder().url(blue.toUri()).build(),
                    png(Color.YELLOW), png(Color.GREEN)), batchSize);

            assertThat(labels).containsExactly("red", "blue", "yellow", "green");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void should_classify_on_the_hosted_backend_for_every_batch_size(int batchSize) {
        api.setDispatcher(new FakeJinaApi(768));
        try (JinaClipApiEmbeddingModel hosted = modelFor(api).build()) {

            List<String> labels = bestLabels(hosted, List.of(url("red"), url("blue"), url("yellow"), url("green")),
                    batchSize);

            assertThat(labels).containsExactly("red", "blue", "yellow", "green");
        }
    }

    @Test
    void should_classify_one_image_over_an_engine_built_elsewhere() {
        api.setDispatcher(new FakeJinaApi(768));
        try (JinaClipApiEmbeddingModel hosted = modelFor(api).build()) {
            JinaClipImageClassifier classifier = JinaClipImageClassifier.builder(hosted.engine()).labels(COLOURS)
                    .build();

            Classification result = classifier.classify(url("green"));

            assertThat(result.best().label()).isEqualTo("green");
            assertThat(classifier.classifier().prompts()).startsWith("a photo of a red");
        }
    }

    @Test
    void should_throw_langchain4j_exceptions_naming_positions_in_the_callers_list() {
        try (JinaClipOnnxEmbeddingModel local = JinaClipOnnxEmbeddingModel.builder()
                .modelDirectory(model("semantic")).intraOpThreads(1).build()) {
            JinaClipImageClassifier classifier = JinaClipImageClassifier.builder(local).labels(COLOURS).batchSize(2)
                    .build();
            Image notAnImage = Image.builder().base64Data(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                    .build();

            Throwable thrown = catchThrowable(() -> classifier.classifyAll(List.of(png(Color.RED), png(Color.BLUE),
                    png(Color.GREEN), notAnImage)));

            assertThat(thrown).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Input 3: ");
            assertThatThrownBy(() -> classifier.classifyAll(Arrays.asList(png(Color.RED), null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: image is null");
        }
    }

    @Test
    void should_map_a_rate_limit_on_a_later_batch_by_its_status() {
        FakeJinaApi fake = new FakeJinaApi(768);
        AtomicInteger requests = new AtomicInteger();
        api.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                // the prompts, the first batch of images, then a rate limit
                return requests.incrementAndGet() == 3 ? new MockResponse.Builder().code(429)
                        .body("{\"detail\":\"slow down\"}").build() : fake.dispatch(request);
            }
        });
        try (JinaClipApiEmbeddingModel hosted = modelFor(api).maxRetries(0).build()) {
            JinaClipImageClassifier classifier = JinaClipImageClassifier.builder(hosted).labels(COLOURS).batchSize(2)
                    .build();

            Throwable thrown = catchThrowable(() -> classifier.classifyAll(List.of(url("red"), url("blue"),
                    url("green"))));

            assertThat(thrown).isExactlyInstanceOf(RateLimitException.class).hasMessageStartingWith("Images 2..2: ");
            assertThat(JinaApiException.findIn(thrown).orElseThrow().statusCode()).isEqualTo(429);
        }
    }
}
