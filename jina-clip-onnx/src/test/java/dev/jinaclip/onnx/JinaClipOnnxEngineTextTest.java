package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.cosine;
import static dev.jinaclip.testing.Fixtures.expectedCase;
import static dev.jinaclip.testing.Fixtures.floats;
import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.core.ClipInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts through tokenizer and text tower, against the numpy reference outputs of the fixture graphs
 * ({@code models/tiny/expected.json}).
 */
class JinaClipOnnxEngineTextTest {

    private final List<JinaClipOnnxEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(JinaClipOnnxEngine::close);
    }

    JinaClipOnnxEngine engine(String fixture, Consumer<JinaClipOnnxConfig.Builder> settings) {
        JinaClipOnnxConfig.Builder config = JinaClipOnnxConfig.builder().modelDirectory(model(fixture))
                .intraOpThreads(1);
        settings.accept(config);
        JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config.build());
        engines.add(engine);
        return engine;
    }

    static float[] embedOne(JinaClipOnnxEngine engine, String text) {
        return engine.embed(List.of(ClipInput.text(text))).vectors().get(0);
    }

    static void assertMatches(float[] actual, JsonNode expectedRow, double scale) {
        float[] expected = floats(expectedRow.has("full") ? expectedRow.get("full") : expectedRow.get("first8"));
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d", i).isCloseTo((float) (expected[i] / scale), within(1e-4f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "sentence", "order_red_green", "order_green_red", "red_x200",
            "red_x600_truncated_512"})
    void should_match_the_reference_raw_vectors(String name) {
        // given
        JsonNode expected = expectedCase("tiny", "text", name);
        JinaClipOnnxEngine engine = engine("tiny", b -> b.normalized(false));

        // when
        float[] vector = embedOne(engine, expected.get("texts").get(0).asText());

        // then
        assertThat(vector).hasSize(768);
        assertMatches(vector, expected.get("text_embeds").get(0), 1);
        assertThat(norm(vector)).isCloseTo(expected.get("text_embeds").get(0).get("l2norm").asDouble(), within(1e-3));
    }

    @Test
    void should_l2_normalise_by_default() {
        JsonNode expected = expectedCase("tiny", "text", "sentence").get("text_embeds").get(0);

        float[] vector = embedOne(engine("tiny", b -> { }), "a photo of a red car and a blue sky");

        assertThat(norm(vector)).isCloseTo(1.0, within(1e-6));
        assertMatches(vector, expected, expected.get("l2norm").asDouble());
    }

    @Test
    void should_not_let_the_tokenizer_files_own_truncation_cap_texts() {
        // the fixture's tokenizer.json truncates at 128; 200 × "red" is 202 tokens and must stay so
        JsonNode expected = expectedCase("tiny", "text", "red_x200");

        float[] vector = embedOne(engine("tiny", b -> b.normalized(false)), expected.get("texts").get(0).asText());

        assertMatches(vector, expected.get("text_embeds").get(0), 1);
    }

    @Test
    void should_truncate_at_max_text_tokens() {
        JsonNode expected = expectedCase("tiny", "text", "red_x600_truncated_128");

        float[] vector = embedOne(engine("tiny", b -> b.normalized(false).maxTextTokens(128)),
                expected.get("texts").get(0).asText());

        assertMatches(vector, expected.get("text_embeds").get(0), 1);
    }

    @Test
    void should_fail_on_over_long_text_when_asked_naming_the_input() {
        JinaClipOnnxEngine engine = engine("tiny", b -> b.maxTextTokens(16).failOnTruncation(true));

        assertThatThrownBy(() -> engine.embed(List.of(ClipInput.text("short"), ClipInput.text("red ".repeat(20)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 1: text is longer than maxTextTokens (16 tokens)");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void should_give_the_same_vector_alone_and_in_a_ragged_batch(int maxBatchSize) {
        // given
        List<String> texts = List.of("red", "a photo of a red car and a blue sky", "green", "the blue sky",
                "a much longer text about a red apple lying on a green table next to a blue cup", "red green");
        JinaClipOnnxEngine engine = engine("tiny", b -> b.maxBatchSize(maxBatchSize).maxBatchTokens(100_000));

        // when
        List<float[]> together = engine.embed(texts.stream().map(ClipInput::text).toList()).vectors();

        // then
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(together.get(i), embedOne(engine, texts.get(i)))).isGreaterThanOrEqualTo(0.99999);
        }
    }

    @Test
    void should_feed_attention_mask_when_the_graph_declares_it() {
        // tiny-with-mask pools by attention_mask only; with a right mask it equals tiny
        List<ClipInput> texts = List.of(ClipInput.text("red"), ClipInput.text("a photo of a red car and a blue sky"));

        List<float[]> withMask = engine("tiny-with-mask", b -> { }).embed(texts).vectors();
        List<float[]> withoutMask = engine("tiny", b -> { }).embed(texts).vectors();

        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(withMask.get(i), withoutMask.get(i))).isGreaterThan(0.99999);
        }
    }

    @Test
    void should_count_text_tokens_as_usage() {
        var result = engine("tiny", b -> { }).embed(List.of(ClipInput.text("red"), ClipInput.text("red green")));

        assertThat(result.usage().promptTokens()).isEqualTo(3 + 4);
        assertThat(result.modelName()).isEqualTo("jina-clip-v1");
    }

    @Test
    void should_reject_blank_text_naming_it() {
        JinaClipOnnxEngine engine = engine("tiny", b -> { });

        assertThatThrownBy(() -> engine.embed(List.of(ClipInput.text("red"), ClipInput.text(" "))))
                .hasMessage("Input 1: text is blank");
    }
}
