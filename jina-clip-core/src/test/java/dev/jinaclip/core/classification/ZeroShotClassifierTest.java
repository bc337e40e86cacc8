package dev.jinaclip.core.classification;

import static dev.jinaclip.core.classification.TableEngine.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.JinaClipException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classifier's arithmetic, batching, caching and errors, over vectors given by hand. */
class ZeroShotClassifierTest {

    // "a photo of a cat" along x, "a photo of a dog" along y; the images at known angles to them
    final TableEngine engine = new TableEngine(Map.of(
            "a photo of a cat", new float[] {2, 0, 0},
            "a photo of a dog", new float[] {0, 3, 0},
            "cat.jpg", new float[] {5, 0, 0},
            "dog.jpg", new float[] {0, 0.5f, 0},
            "between.jpg", new float[] {1, 1, 0},
            "neither.jpg", new float[] {0, 0, 7},
            "mostly-cat.jpg", new float[] {4, 3, 0}));

    ZeroShotClassifier.Builder catOrDog() {
        return ZeroShotClassifier.builder(engine).labels("cat", "dog");
    }

    @Test
    void should_give_the_softmax_of_the_scaled_cosine_similarities() {
        Classification result = catOrDog().logitScale(1.0).build().classify(image("mostly-cat.jpg"));

        // cos(cat) = 4/5, cos(dog) = 3/5; p(cat) = e^0.8 / (e^0.8 + e^0.6)
        double expected = Math.exp(0.8) / (Math.exp(0.8) + Math.exp(0.6));
        assertThat(result.best().label()).isEqualTo("cat");
        assertThat(result.of("cat").probability()).isCloseTo(expected, within(1e-12));
        assertThat(result.of("dog").probability()).isCloseTo(1 - expected, within(1e-12));
        assertThat(result.of("cat").similarity()).isCloseTo(0.8, within(1e-7));
        assertThat(result.of("dog").similarity()).isCloseTo(0.6, within(1e-7));
    }

    @Test
    void should_sharpen_with_a_larger_logit_scale_and_default_to_clips_100() {
        ZeroShotClassifier byDefault = catOrDog().build();
        double soft = catOrDog().logitScale(1.0).build().classify(image("mostly-cat.jpg")).best().probability();
        double sharp = byDefault.classify(image("mostly-cat.jpg")).best().probability();

        assertThat(byDefault.logitScale()).isEqualTo(100);
        // e^80 / (e^80 + e^60) = 1 / (1 + e^-20)
        assertThat(sharp).isCloseTo(1 / (1 + Math.exp(-20)), within(1e-12)).isGreaterThan(soft);
    }

    @Test
    void should_not_overflow_with_a_huge_logit_scale() {
        Classification result = catOrDog().logitScale(1e6).build().classify(image("mostly-cat.jpg"));

        assertThat(result.of("cat").probability()).isEqualTo(1.0);
        assertThat(result.of("dog").probability()).isEqualTo(0.0);
    }

    @Test
    void should_sort_by_probability_and_keep_the_labels_order_on_ties() {
        ZeroShotClassifier classifier = catOrDog().build();

        assertThat(classifier.classify(image("dog.jpg")).labels()).extracting(LabelProbability::label)
                .containsExactly("dog", "cat");
        Classification tie = classifier.classify(image("between.jpg"));
        assertThat(tie.labels()).extracting(LabelProbability::label).containsExactly("cat", "dog");
        assertThat(tie.labels()).extracting(LabelProbability::probability).containsExactly(0.5, 0.5);
        // an image that fits neither label: the probabilities still sum to 1, the similarities tell
        Classification neither = classifier.classify(image("neither.jpg"));
        assertThat(neither.labels()).extracting(LabelProbability::similarity).containsExactly(0.0, 0.0);
        assertThat(neither.labels().stream().mapToDouble(LabelProbability::probability).sum()).isEqualTo(1.0);
    }

    @Test
    void should_embed_the_prompts_once_as_queries_and_the_images_as_documents_in_batches() {
        ZeroShotClassifier classifier = catOrDog().batchSize(2).build();
        List<ClipInput> images = List.of(image("cat.jpg"), image("dog.jpg"), image("mostly-cat.jpg"),
                image("dog.jpg"), image("cat.jpg"));

        List<Classification> first = classifier.classifyAll(images);
        List<Classification> second = classifier.classifyAll(images.subList(0, 1));

        assertThat(first).extracting(c -> c.best().label()).containsExactly("cat", "dog", "cat", "dog", "cat");
        assertThat(second.get(0)).isEqualTo(first.get(0));
        assertThat(engine.calls).extracting(TableEngine.Call::inputType).containsExactly(ClipInputType.QUERY,
                ClipInputType.DOCUMENT, ClipInputType.DOCUMENT, ClipInputType.DOCUMENT, ClipInputType.DOCUMENT);
        assertThat(engine.calls.get(0).inputs()).containsExactly(ClipInput.text("a photo of a cat"),
                ClipInput.text("a photo of a dog"));
        assertThat(engine.calls.subList(1, 5)).extracting(call -> call.inputs().size()).containsExactly(2, 2, 1, 1);
    }

    @Test
    void should_embed_the_prompts_once_when_threads_classify_at_the_same_time() throws Exception {
        ZeroShotClassifier classifier = catOrDog().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> labels = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = i % 2 == 0 ? "cat.jpg" : "dog.jpg";
                labels.add(pool.submit(() -> {
                    start.await();
                    return classifier.classify(image(name)).best().label();
                }));
            }
            start.countDown();
            for (int i = 0; i < 8; i++) {
                assertThat(labels.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0 ? "cat" : "dog");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(engine.calls).filteredOn(call -> call.inputType() == ClipInputType.QUERY).hasSize(1);
    }

    @Test
    void should_embed_the_prompts_again_after_a_failed_attempt() {
        engine.failure = call -> new JinaClipException(JinaClipException.Kind.API, true, "HTTP 503");
        ZeroShotClassifier classifier = catOrDog().build();

        assertThatThrownBy(() -> classifier.classify(image("cat.jpg"))).hasMessage("HTTP 503");
        engine.failure = call -> null;

        assertThat(classifier.classify(image("cat.jpg")).best().label()).isEqualTo("cat");
        assertThat(engine.calls).extracting(TableEngine.Call::inputType).containsExactly(ClipInputType.QUERY,
                ClipInputType.QUERY, ClipInputType.DOCUMENT);
    }

    @Test
    void should_fill_the_template_and_make_no_call_before_the_first_image() {
        ZeroShotClassifier classifier = ZeroShotClassifier.builder(engine).labels("tabby cat", "dog")
                .promptTemplate("{}, a pet").build();

        assertThat(classifier.prompts()).containsExactly("tabby cat, a pet", "dog, a pet");
        assertThat(catOrDog().build().prompts()).containsExactly("a photo of a cat", "a photo of a dog");
        assertThat(classifier.classifyAll(List.of())).isEmpty();
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void should_name_the_input_that_is_not_an_image() {
        ZeroShotClassifier classifier = catOrDog().build();

        assertThatThrownBy(() -> classifier.classifyAll(List.of(image("cat.jpg"), ClipInput.text("a cat"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input 1: is a text; a classifier takes images");
        assertThatThrownBy(() -> classifier.classifyAll(java.util.Arrays.asList(image("cat.jpg"), null)))
                .hasMessage("Input 1: is null");
        assertThat(engine.calls).isEmpty();
    }

    @Test
    void should_count_positions_in_the_callers_list_when_a_later_batch_fails() {
        ZeroShotClassifier classifier = catOrDog().batchSize(2).build();
        List<ClipInput> images = List.of(image("cat.jpg"), image("dog.jpg"), image("cat.jpg"), image("dog.jpg"));
        engine.failure = call -> call.inputType() == ClipInputType.DOCUMENT && engine.calls.size() == 3
                ? new IllegalArgumentException("Input 1: image file does not exist") : null;

        assertThatThrownBy(() -> classifier.classifyAll(images)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input 3: image file does not exist");

        JinaClipException decoding = new JinaClipException(JinaClipException.Kind.INVALID_INPUT, false,
                "Input 0: not an image");
        engine.failure = call -> call.inputType() == ClipInputType.DOCUMENT && engine.calls.size() == 5
                ? decoding : null;
        assertThatThrownBy(() -> classifier.classifyAll(images)).isInstanceOfSatisfying(JinaClipException.class,
                e -> {
                    assertThat(e).hasMessage("Input 2: not an image").hasCause(decoding);
                    assertThat(e.kind()).isEqualTo(JinaClipException.Kind.INVALID_INPUT);
                    assertThat(e.isRetryable()).isFalse();
                });

        JinaClipException rateLimited = new JinaClipException(JinaClipException.Kind.API, true, "HTTP 429");
        engine.failure = call -> call.inputType() == ClipInputType.DOCUMENT && engine.calls.size() == 7
                ? rateLimited : null;
        assertThatThrownBy(() -> classifier.classifyAll(images)).isInstanceOfSatisfying(JinaClipException.class,
                e -> {
                    assertThat(e).hasMessage("Images 2..3: HTTP 429").hasCause(rateLimited);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    @Test
    void should_pass_a_backend_failure_on_as_it_is_when_the_images_take_one_batch() {
        JinaClipException decoding = new JinaClipException(JinaClipException.Kind.INVALID_INPUT, false,
                "Input 1: not an image");
        engine.failure = call -> call.inputType() == ClipInputType.DOCUMENT ? decoding : null;

        assertThatThrownBy(() -> catOrDog().build().classifyAll(List.of(image("cat.jpg"), image("dog.jpg"))))
                .isSameAs(decoding);
    }

    @Test
    void should_say_which_label_or_setting_is_wrong() {
        assertThatThrownBy(() -> ZeroShotClassifier.builder(engine).build())
                .hasMessage("labels must not be empty: give the classes to choose from");
        assertThatThrownBy(() -> ZeroShotClassifier.builder(engine).labels(List.of()).build())
                .hasMessage("labels must not be empty: give the classes to choose from");
        assertThatThrownBy(() -> ZeroShotClassifier.builder(engine).labels("cat", " ").build())
                .hasMessage("labels[1] is blank");
        assertThatThrownBy(() -> ZeroShotClassifier.builder(engine).labels("cat", null).build())
                .hasMessage("labels[1] is null");
        assertThatThrownBy(() -> ZeroShotClassifier.builder(engine).labels("cat", "dog", "cat").build())
                .hasMessage("labels[2] 'cat' repeats labels[0]");
        assertThatThrownBy(() -> catOrDog().promptTemplate("a photo").build())
                .hasMessage("promptTemplate must contain {} exactly once, where the label goes, was 'a photo'");
        assertThatThrownBy(() -> catOrDog().promptTemplate("{} or {}").build())
                .hasMessage("promptTemplate must contain {} exactly once, where the label goes, was '{} or {}'");
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> catOrDog().logitScale(bad).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("logitScale must be a positive finite number, was " + bad);
        }
        assertThatThrownBy(() -> catOrDog().batchSize(0).build()).hasMessage("batchSize must be at least 1, was 0");
        assertThat(catOrDog().build().batchSize()).isEqualTo(ZeroShotClassifier.DEFAULT_BATCH_SIZE);
    }

    @Test
    void should_name_the_labels_when_asked_for_one_it_does_not_have() {
        Classification result = catOrDog().build().classify(image("cat.jpg"));

        assertThatThrownBy(() -> result.of("bird")).hasMessage("No label 'bird'; the labels are [cat, dog]");
    }
}
