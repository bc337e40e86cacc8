package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.cost.TokenEstimate;
import dev.jinaclip.core.cost.TokenEstimator;
import dev.jinaclip.onnx.internal.ReferenceTokenIds;
import dev.jinaclip.onnx.internal.ReferenceTokenIds.Case;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TokenizerTextCounter} against the ids of Hugging Face's Python tokenizer ({@link ReferenceTokenIds}) and
 * against the tokens the local engine itself reports.
 */
class TokenizerTextCounterTest {

    private static TokenizerTextCounter counter;

    @BeforeAll
    static void load() {
        counter = TokenizerTextCounter.load(ReferenceTokenIds.tokenizerJson());
    }

    @AfterAll
    static void close() {
        counter.close();
    }

    static Stream<String> reference_texts() {
        return ReferenceTokenIds.cases().stream().map(Case::name);
    }

    @ParameterizedTest
    @MethodSource("reference_texts")
    void should_count_every_token_hugging_face_makes(String name) {
        Case text = ReferenceTokenIds.named(name);

        assertThat(counter.count(text.text())).isEqualTo(text.untruncated().length);
    }

    @Test
    void should_count_a_text_beyond_the_models_window_whole() {
        Case text = ReferenceTokenIds.named("words_9000");

        assertThat(counter.count(text.text())).isEqualTo(15_555).isGreaterThan(JinaClipOnnxConfig.MAX_TEXT_TOKENS);
    }

    @Test
    void should_count_what_the_engine_reports_embedding() {
        List<String> texts = List.of("red", "a photo of a cat", "Zürich's 2024-05-01 antidisestablishmentarianism",
                ReferenceTokenIds.named("words_2000").text());
        try (JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder()
                .modelDirectory(model("tiny")).maxTextTokens(4096).intraOpThreads(1) // above words_2000's 3,503
                .build())) {
            for (String text : texts) {
                int used = engine.embed(List.of(ClipInput.text(text))).usage().promptTokens();

                assertThat(counter.count(text)).as(text.length() > 60 ? text.substring(0, 60) : text)
                        .isEqualTo(used);
            }
        }
    }

    @Test
    void should_make_estimates_exact() {
        TokenEstimate estimate = TokenEstimator.of(JinaClipModel.JINA_CLIP_V1, counter)
                .estimate(List.of(ClipInput.text("a photo of a cat")));

        assertThat(estimate.exactText()).isTrue();
        assertThat(estimate.textTokens()).isEqualTo(7); // [CLS] a photo of a cat [SEP]
    }

    @Test
    void should_name_a_file_that_is_not_a_tokenizer(@TempDir Path folder) throws IOException {
        Path notJson = Files.writeString(folder.resolve("tokenizer.json"), "[]");

        assertThatThrownBy(() -> TokenizerTextCounter.load(notJson))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(notJson.toString());
    }
}
