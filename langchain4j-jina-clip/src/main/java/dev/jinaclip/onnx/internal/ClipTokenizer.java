package dev.jinaclip.onnx.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns texts into token ids with the model's {@code tokenizer.json} (through DJL's binding of Hugging Face's
 * tokenizers library): {@code [CLS] ... [SEP]}, no padding, truncated to {@code maxTokens} as
 * {@code truncation=True, max_length=maxTokens} does in Python. The file's own truncation and padding blocks are
 * overridden, so they can never cap texts silently.
 */
public final class ClipTokenizer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClipTokenizer.class);

    static {
        // DJL would otherwise query EC2 metadata and report usage; an in-process model must not call out.
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final boolean failOnOverflow;

    /**
     * @param tokenizerJson  the {@code tokenizer.json} file; loaded from that path only, never from the hub
     * @param maxTokens      the most tokens per text, special tokens included
     * @param failOnOverflow whether a longer text is an error instead of being truncated
     */
    public ClipTokenizer(Path tokenizerJson, int maxTokens, boolean failOnOverflow) {
        this.maxTokens = maxTokens;
        this.failOnOverflow = failOnOverflow;
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                    "addSpecialTokens", "true",
                    "padding", "false",
                    "truncation", "true",
                    "maxLength", Integer.toString(maxTokens)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer " + tokenizerJson, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    /**
     * The token ids of one text, with special tokens, at most {@code maxTokens} long.
     *
     * @param position the text's position in the caller's input list, for messages
     * @throws IllegalArgumentException if the text is too long and truncation is off
     */
    public long[] encode(String text, int position) {
        Encoding encoding = tokenizer.encode(text);
        if (encoding.exceedMaxLength()) {
            if (failOnOverflow) {
                throw new IllegalArgumentException("Input " + position + ": text is longer than maxTextTokens ("
                        + maxTokens + " tokens); shorten it, raise maxTextTokens, or allow truncation");
            }
            log.debug("Input {}: text truncated to {} tokens", position, maxTokens);
        }
        long[] ids = encoding.getIds();
        if (ids.length == 0) {
            throw new IllegalArgumentException("Input " + position + ": text has no tokens");
        }
        return ids;
    }

    /** The most tokens per text. */
    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
