package dev.jinaclip.core.cost;

/**
 * Counts the tokens of a text as the hosted API bills them: the model's tokenizer, special tokens included, the
 * whole text (not cut at the model's window). {@code jina-clip-onnx} has one that reads the model's
 * {@code tokenizer.json} ({@code dev.jinaclip.onnx.TokenizerTextCounter}); without one, {@link #ruleOfThumb()}.
 */
@FunctionalInterface
public interface TextTokenCounter {

    /** The tokens of {@code text}. */
    long count(String text);

    /** Whether {@link #count} is the tokenizer's exact figure rather than an estimate. */
    default boolean exact() {
        return true;
    }

    /**
     * Jina AI's published estimate for English text: about 10 % more tokens than words, plus two tokens per
     * embedding ({@code [CLS]} and {@code [SEP]}): {@code ceil(1.1 × words) + 2}, words being runs of
     * non-whitespace characters. Published in "A Deep Dive into Tokenization" (jina.ai/news, January 2024) for
     * the English jina-embeddings-v2 models, whose tokenizer jina-clip-v1's text tower shares; far off for
     * Chinese, code, or texts full of numbers and rare words.
     */
    static TextTokenCounter ruleOfThumb() {
        return WordRuleOfThumb.INSTANCE;
    }
}
