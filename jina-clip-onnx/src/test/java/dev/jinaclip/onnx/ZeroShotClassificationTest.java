package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.classification.Classification;
import dev.jinaclip.core.classification.LabelProbability;
import dev.jinaclip.core.classification.ZeroShotClassifier;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zero-shot classification on the local backend, with the semantic fixture model, which puts the colour words
 * next to solid images of their colour (its README's cosine table).
 */
class ZeroShotClassificationTest {

    static final List<String> COLOURS = List.of("red", "green", "blue", "yellow", "black", "white");
    static final List<ClipInput> IMAGES = List.of(
            ClipInput.imageBytes(solidPng(Color.RED, 300, 200)),
            ClipInput.imageBytes(solidPng(Color.GREEN, 64, 64)),
            ClipInput.imageBytes(solidPng(Color.BLUE, 100, 240)),
            ClipInput.imageBytes(solidPng(Color.YELLOW, 50, 50)),
            ClipInput.imageBytes(solidPng(Color.BLACK, 32, 48)),
            ClipInput.imageBytes(solidPng(Color.WHITE, 80, 40)),
            ClipInput.imageBytes(solidPng(Color.RED, 20, 20)));

    static JinaClipOnnxEngine engine;

    @BeforeAll
    static void load() {
        engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(model("semantic"))
                .intraOpThreads(1).build());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void should_classify_each_colour_as_its_own_for_every_batch_size(int batchSize) {
        CountingEngine counting = new CountingEngine(engine);
        ZeroShotClassifier classifier = ZeroShotClassifier.builder(counting).labels(COLOURS).batchSize(batchSize)
                .build();

        List<Classification> results = classifier.classifyAll(IMAGES);

        assertThat(results).extracting(result -> result.best().label())
                .containsExactly("red", "green", "blue", "yellow", "black", "white", "red");
        for (Classification result : results) {
            assertThat(result.labels()).extracting(LabelProbability::label).containsExactlyInAnyOrderElementsOf(COLOURS);
            assertThat(result.labels().stream().mapToDouble(LabelProbability::probability).sum())
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(result.best().probability()).isGreaterThan(0.99);
        }
        // one call for the prompts, then one per batch of images
        int batches = (IMAGES.size() + batchSize - 1) / batchSize;
        assertThat(counting.calls()).hasSize(1 + batches);
        assertThat(counting.calls().get(0).inputType()).isEqualTo(ClipInputType.QUERY);
        assertThat(counting.sizes().subList(1, 1 + batches)).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(batchSize));
    }

    @Test
    void should_embed_the_label_prompts_once() {
        CountingEngine counting = new CountingEngine(engine);
        ZeroShotClassifier classifier = ZeroShotClassifier.builder(counting).labels(COLOURS).build();

        classifier.classify(IMAGES.get(0));
        classifier.classify(IMAGES.get(1));
        classifier.classifyAll(IMAGES);

        assertThat(counting.calls()).extracting(CountingEngine.Call::inputType).containsExactly(ClipInputType.QUERY,
                ClipInputType.DOCUMENT, ClipInputType.DOCUMENT, ClipInputType.DOCUMENT);
        assertThat(counting.calls().get(0).inputs()).containsExactly(ClipInput.text("a photo of a red"),
                ClipInput.text("a photo of a green"), ClipInput.text("a photo of a blue"),
                ClipInput.text("a photo of a yellow"), ClipInput.text("a photo of a black"),
                ClipInput.text("a photo of a white"));
    }

    @Test
    void should_be_sharper_with_a_larger_logit_scale() {
        ClipInput red = IMAGES.get(0);
        double atOne = ZeroShotClassifier.builder(engine).labels(COLOURS).logitScale(1.0).build().classify(red)
                .of("red").probability();
        double atTen = ZeroShotClassifier.builder(engine).labels(COLOURS).logitScale(10.0).build().classify(red)
                .of("red").probability();
        double atDefault = ZeroShotClassifier.builder(engine).labels(COLOURS).build().classify(red)
                .of("red").probability();

        // cosines near 1 for red and near 0 for the rest: at scale 1, e / (e + 5) is about 0.35
        assertThat(atOne).isBetween(0.3, 0.4);
        assertThat(atTen).isGreaterThan(atOne).isLessThan(atDefault);
        assertThat(atDefault).isGreaterThan(0.999);
    }
}
