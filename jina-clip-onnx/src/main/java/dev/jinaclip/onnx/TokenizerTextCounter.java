package dev.jinaclip.onnx;

import dev.jinaclip.core.cost.TextTokenCounter;
import dev.jinaclip.onnx.internal.ClipTokenizer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Counts a text's tokens exactly, with the model's {@code tokenizer.json}: the tokenizer the local backend embeds
 * with, {@code [CLS]} and {@code [SEP]} included, the whole text (never cut at the model's window), for
 * {@link dev.jinaclip.core.cost.TokenEstimator}. Thread-safe. Holds the tokenizer's native memory:
 * {@link #close()} it.
 *
 * <pre>{@code
 * try (TokenizerTextCounter counter = TokenizerTextCounter.load(engine.files().tokenizer())) {
 *     TokenEstimate estimate = TokenEstimator.of(JinaClipModel.JINA_CLIP_V1, counter).estimate(inputs);
 * }
 * }</pre>
 */
public final class TokenizerTextCounter implements TextTokenCounter, AutoCloseable {

    private final ClipTokenizer tokenizer;
    private final Path tokenizerJson;

    private TokenizerTextCounter(Path tokenizerJson) {
        this.tokenizerJson = tokenizerJson;
        this.tokenizer = ClipTokenizer.untruncated(tokenizerJson);
    }

    /**
     * A counter over this {@code tokenizer.json} (a model folder's, or {@link ModelFiles#tokenizer()}); read from
     * that path only.
     *
     * @throws IllegalArgumentException if the file is not a tokenizer
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public static TokenizerTextCounter load(Path tokenizerJson) {
        return new TokenizerTextCounter(Objects.requireNonNull(tokenizerJson, "tokenizerJson"));
    }

    @Override
    public long count(String text) {
        return tokenizer.count(Objects.requireNonNull(text, "text"));
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "tokenizer " + tokenizerJson;
    }
}
