package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.cosine;
import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.image.ImageDecodingException;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Images through decoding, preprocessing and the vision tower of the semantic fixture. */
class JinaClipOnnxEngineImageTest {

    static final byte[] RED = solidPng(Color.RED, 300, 200);
    static final byte[] GREEN = solidPng(Color.GREEN, 120, 250);
    static final byte[] BLUE = solidPng(Color.BLUE, 224, 224);

    static JinaClipOnnxEngine engine;

    @BeforeAll
    static void load() {
        engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(model("semantic"))
                .intraOpThreads(1).maxBatchSize(2).maxImageBatchSize(2).build());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void should_put_colour_words_next_to_images_of_that_colour() {
        List<float[]> v = engine.embed(List.of(ClipInput.imageBytes(RED), ClipInput.imageBytes(GREEN),
                ClipInput.imageBytes(BLUE), ClipInput.text("red"), ClipInput.text("green"), ClipInput.text("blue")))
                .vectors();

        for (int colour = 0; colour < 3; colour++) {
            float[] text = v.get(3 + colour);
            for (int other = 0; other < 3; other++) {
                if (other != colour) {
                    assertThat(cosine(text, v.get(colour))).isGreaterThan(cosine(text, v.get(other)) + 0.5);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 32})
    void should_return_images_and_texts_in_input_order_for_any_batch_size(int maxBatchSize) {
        try (JinaClipOnnxEngine batched = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder()
                .modelDirectory(model("semantic")).intraOpThreads(1).maxBatchSize(maxBatchSize)
                .maxImageBatchSize(maxBatchSize).build())) {
            List<ClipInput> inputs = List.of(ClipInput.imageBytes(BLUE), ClipInput.text("red"),
                    ClipInput.imageBytes(RED), ClipInput.imageBytes(GREEN), ClipInput.text("blue"),
                    ClipInput.imageBytes(RED));

            List<float[]> together = batched.embed(inputs).vectors();

            for (int i = 0; i < inputs.size(); i++) {
                float[] alone = engine.embed(List.of(inputs.get(i))).vectors().get(0);
                assertThat(cosine(together.get(i), alone)).as("input %d", i).isGreaterThan(0.99999);
            }
        }
    }

    @Test
    void should_read_images_from_files_and_file_urls(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("red.png"), RED);

        List<float[]> v = engine.embed(List.of(ClipInput.imageFile(file), ClipInput.imageUrl(file.toUri()),
                ClipInput.imageBytes(RED))).vectors();

        assertThat(v.get(0)).containsExactly(v.get(2));
        assertThat(v.get(1)).containsExactly(v.get(2));
    }

    @Test
    void should_reject_undecodable_images_naming_their_position() {
        byte[] truncated = Arrays.copyOf(RED, RED.length / 2);
        byte[] notAnImage = "hello, this is text".getBytes();

        assertThatThrownBy(() -> engine.embed(List.of(ClipInput.imageBytes(RED), ClipInput.imageBytes(truncated))))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageStartingWith("Input 1: ");
        assertThatThrownBy(() -> engine.embed(List.of(ClipInput.text("red"), ClipInput.imageBytes(notAnImage))))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageStartingWith("Input 1: ");
        assertThatThrownBy(() -> engine.embed(List.of(ClipInput.imageBytes(new byte[0]))))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input 0: image is empty (0 bytes)");
    }

    @Test
    void should_refuse_remote_images_when_fetching_is_off() {
        try (JinaClipOnnxEngine local = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder()
                .modelDirectory(model("semantic")).intraOpThreads(1).fetchRemoteImages(false).build())) {

            assertThatThrownBy(() -> local.embed(List.of(ClipInput.imageUrl(java.net.URI.create("https://x.test/a.png")))))
                    .hasMessageContaining("Input 0: image URL https://x.test/a.png would have to be downloaded");
        }
    }

    @Test
    void should_serve_many_threads_at_once_with_the_same_results() throws Exception {
        List<ClipInput> inputs = List.of(ClipInput.text("a red apple"), ClipInput.imageBytes(GREEN),
                ClipInput.text("the blue sky"), ClipInput.imageBytes(RED));
        List<float[]> expected = engine.embed(inputs).vectors();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<float[]>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> engine.embed(inputs).vectors());
            }
            for (Future<List<float[]>> result : threads.invokeAll(calls)) {
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(cosine(result.get().get(i), expected.get(i))).isGreaterThan(0.99999);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
