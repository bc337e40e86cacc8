package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.internal.ReferenceTokenIds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Texts longer than 512 tokens on the tiny fixture model: {@code maxTextTokens} above 512 is honoured, and
 * {@code failOnTruncation} fires at the configured limit. Token counts are those of Hugging Face's Python tokenizer
 * ({@link ReferenceTokenIds}).
 */
class JinaClipOnnxEngineLongTextTest {

    private static final ReferenceTokenIds.Case TEXT = ReferenceTokenIds.named("words_2000");

    private final List<JinaClipOnnxEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(JinaClipOnnxEngine::close);
    }

    JinaClipOnnxEngine engine(Consumer<JinaClipOnnxConfig.Builder> settings) {
        JinaClipOnnxConfig.Builder config = JinaClipOnnxConfig.builder().modelDirectory(model("tiny"))
                .intraOpThreads(1).normalized(false);
        settings.accept(config);
        JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config.build());
        engines.add(engine);
        return engine;
    }

    static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void should_embed_2048_tokens_not_the_first_512() {
        // given a text of 3,503 tokens
        assertThat(TEXT.tokens()).isGreaterThan(2048);
        List<ClipInput> input = List.of(ClipInput.text(TEXT.text()));

        // when
        var long2048 = engine(b -> b.maxTextTokens(2048)).embed(input);
        var prefix512 = engine(b -> b.maxTextTokens(512)).embed(input);

        // then
        assertThat(maxDifference(long2048.vectors().get(0), prefix512.vectors().get(0))).isGreaterThan(1e-3f);
        assertThat(long2048.usage().promptTokens()).isEqualTo(2048);
        assertThat(prefix512.usage().promptTokens()).isEqualTo(512);
    }

    @Test
    void should_embed_every_token_when_the_limit_is_the_texts_length() {
        List<ClipInput> input = List.of(ClipInput.text(TEXT.text()));

        var atLength = engine(b -> b.maxTextTokens(TEXT.tokens())).embed(input);
        var atWindow = engine(b -> b.maxTextTokens(JinaClipOnnxConfig.MAX_TEXT_TOKENS)).embed(input);
        var oneShort = engine(b -> b.maxTextTokens(TEXT.tokens() - 1)).embed(input);

        assertThat(atLength.usage().promptTokens()).isEqualTo(TEXT.tokens());
        assertThat(atWindow.usage().promptTokens()).isEqualTo(TEXT.tokens());
        assertThat(atLength.vectors().get(0)).containsExactly(atWindow.vectors().get(0));
        assertThat(oneShort.usage().promptTokens()).isEqualTo(TEXT.tokens() - 1);
        assertThat(maxDifference(atLength.vectors().get(0), oneShort.vectors().get(0))).isGreaterThan(0f);
    }

    @Test
    void should_fail_on_truncation_at_exactly_one_token_over_the_limit() {
        List<ClipInput> input = List.of(ClipInput.text("red"), ClipInput.text(TEXT.text()));
        JinaClipOnnxEngine atLength = engine(b -> b.maxTextTokens(TEXT.tokens()).failOnTruncation(true));
        JinaClipOnnxEngine oneShort = engine(b -> b.maxTextTokens(TEXT.tokens() - 1).failOnTruncation(true));

        assertThat(atLength.embed(input).usage().promptTokens()).isEqualTo(3 + TEXT.tokens());
        assertThatThrownBy(() -> oneShort.embed(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 1: text is longer than maxTextTokens (" + (TEXT.tokens() - 1)
                        + " tokens)");
    }
}
