package dev.jinaclip.onnx.internal;

import static dev.jinaclip.onnx.internal.ReferenceTokenIds.assertSameIds;
import static dev.jinaclip.onnx.internal.ReferenceTokenIds.named;
import static dev.jinaclip.onnx.internal.ReferenceTokenIds.tokenizerJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.internal.ReferenceTokenIds.Case;
import dev.jinaclip.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ClipTokenizer} against ids made by Hugging Face's Python tokenizer ({@link ReferenceTokenIds}): whole id
 * sequences, for texts of 511 to 9,000 words, truncated at several limits up to 8,192 and with truncation off.
 */
class ClipTokenizerParityTest {

    private static final long CLS = 101;
    private static final long SEP = 102;

    static Stream<Arguments> every_reference_limit() {
        return ReferenceTokenIds.cases().stream()
                .flatMap(c -> c.truncated().keySet().stream().map(n -> Arguments.of(c.name(), n)));
    }

    static Stream<String> texts_within_8192_tokens() {
        return ReferenceTokenIds.cases().stream()
                .filter(c -> c.tokens() <= JinaClipOnnxConfig.MAX_TEXT_TOKENS).map(Case::name);
    }

    static long[] encode(Path tokenizerJson, int maxTokens, boolean failOnOverflow, String text) {
        try (ClipTokenizer tokenizer = new ClipTokenizer(tokenizerJson, maxTokens, failOnOverflow)) {
            return tokenizer.encode(text, 0);
        }
    }

    @ParameterizedTest(name = "{0} at maxTextTokens {1}")
    @MethodSource("every_reference_limit")
    void should_truncate_as_hugging_face_does(String name, int maxTokens) {
        Case text = named(name);

        long[] ids = encode(tokenizerJson(), maxTokens, false, text.text());

        assertSameIds(ids, text.truncatedAt(maxTokens));
    }

    @ParameterizedTest
    @MethodSource("texts_within_8192_tokens")
    void should_keep_every_token_with_truncation_off(String name) {
        Case text = named(name);

        long[] ids = encode(tokenizerJson(), JinaClipOnnxConfig.MAX_TEXT_TOKENS, true, text.text());

        assertSameIds(ids, text.untruncated());
    }

    @Test
    void should_refuse_9000_words_with_truncation_off() {
        Case text = named("words_9000");
        assertThat(text.tokens()).isGreaterThan(JinaClipOnnxConfig.MAX_TEXT_TOKENS);

        assertThatThrownBy(() -> encode(tokenizerJson(), JinaClipOnnxConfig.MAX_TEXT_TOKENS, true, text.text()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 0: text is longer than maxTextTokens (8192 tokens)");
    }

    @Test
    void should_cut_9000_words_to_8192_tokens_ending_with_sep() {
        long[] ids = encode(tokenizerJson(), 8192, false, named("words_9000").text());

        assertThat(ids).hasSize(8192);
        assertThat(ids[0]).isEqualTo(CLS);
        assertThat(ids[8191]).isEqualTo(SEP);
        assertThat(ids[8190]).isNotEqualTo(SEP);
    }

    @ParameterizedTest
    @MethodSource("texts_within_8192_tokens")
    void should_fail_on_overflow_at_exactly_one_token_over_the_limit(String name) {
        Case text = named(name);

        long[] atTheLimit = encode(tokenizerJson(), text.tokens(), true, text.text());

        assertSameIds(atTheLimit, text.untruncated());
        assertThatThrownBy(() -> encode(tokenizerJson(), text.tokens() - 1, true, text.text()))
                .hasMessageStartingWith("Input 0: text is longer than maxTextTokens (" + (text.tokens() - 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 511, 512, 513, 2048, 8192})
    void should_log_no_warning_from_the_tokenizer_library(int maxTokens) {
        try (LogCapture log = new LogCapture(HuggingFaceTokenizer.class, Level.WARN)) {

            encode(tokenizerJson(), maxTokens, false, named("words_9000").text());

            assertThat(log.messages()).isEmpty();
        }
    }

    @Test
    void should_ignore_the_files_own_truncation_and_padding(@TempDir Path folder) throws IOException {
        // given a tokenizer.json that truncates from the left with a stride, and pads to a fixed length
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = (ObjectNode) json.readTree(tokenizerJson().toFile());
        file.set("truncation", json.readTree(
                "{\"direction\":\"Left\",\"max_length\":64,\"strategy\":\"OnlySecond\",\"stride\":32}"));
        file.set("padding", json.readTree("{\"strategy\":{\"Fixed\":1024},\"direction\":\"Left\","
                + "\"pad_to_multiple_of\":null,\"pad_id\":0,\"pad_type_id\":0,\"pad_token\":\"[PAD]\"}"));
        Path edited = folder.resolve("tokenizer.json");
        json.writeValue(edited.toFile(), file);
        Case text = named("words_2000");

        // then the text keeps its start, with no padding, at every limit
        for (int maxTokens : new int[] {3, 513, 2048}) {
            assertSameIds(encode(edited, maxTokens, false, text.text()), text.truncatedAt(maxTokens));
        }
        assertSameIds(encode(edited, 8192, true, text.text()), text.untruncated());
        assertThat(encode(edited, 512, true, "red")).containsExactly(CLS, 2417, SEP);
    }
}
