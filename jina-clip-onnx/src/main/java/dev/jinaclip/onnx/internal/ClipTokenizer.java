package dev.jinaclip.onnx.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.jinaclip.core.internal.InputErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns texts into token ids with the model's {@code tokenizer.json} (through DJL's binding of Hugging Face's
 * tokenizers library): {@code [CLS] ... [SEP]}, no padding, truncated to {@code maxTokens} as
 * {@code truncation=True, max_length=maxTokens} does in Python: the first {@code maxTokens - 2} tokens of the text
 * between {@code [CLS]} and {@code [SEP]}. The file's own truncation and padding blocks are removed before the
 * tokenizer is built, so neither their length nor their direction or stride ever applies.
 */
public final class ClipTokenizer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClipTokenizer.class);

    static {
        TokenizerLibrary.load();
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> DROPPED_BLOCKS = Set.of("truncation", "padding");

    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final boolean failOnOverflow;

    /**
     * @param tokenizerJson  the {@code tokenizer.json} file; loaded from that path only, never from the hub
     * @param maxTokens      the most tokens per text, special tokens included
     * @param failOnOverflow whether a longer text is an error instead of being truncated
     */
    public ClipTokenizer(Path tokenizerJson, int maxTokens, boolean failOnOverflow) {
        this(tokenizerJson, maxTokens, failOnOverflow, Map.of(
                "truncation", "true",
                "maxLength", Integer.toString(maxTokens),
                // DJL lowers maxLength to modelMaxLength (512 unless given here) and only logs a warning
                "modelMaxLength", Integer.toString(maxTokens),
                "stride", "0"));
    }

    private ClipTokenizer(Path tokenizerJson, int maxTokens, boolean failOnOverflow, Map<String, String> limits) {
        this.maxTokens = maxTokens;
        this.failOnOverflow = failOnOverflow;
        Map<String, String> options = new HashMap<>(limits);
        options.put("addSpecialTokens", "true");
        options.put("padding", "false");
        try (InputStream json = withoutTruncationAndPadding(tokenizerJson)) {
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot load tokenizer " + tokenizerJson + ": not JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer " + tokenizerJson, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot load tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    /**
     * A tokenizer that keeps every token of a text, however long: for counting what a text costs, not for the
     * model, whose window it may exceed.
     */
    public static ClipTokenizer untruncated(Path tokenizerJson) {
        return new ClipTokenizer(tokenizerJson, Integer.MAX_VALUE, false, Map.of("truncation", "false"));
    }

    /**
     * The file's text with its {@code truncation} and {@code padding} set to {@code null}. DJL only edits an existing
     * truncation block: its direction stays (a {@code "Left"} block keeps a text's end), and a stride not below
     * {@code maxTokens - 2} makes the native library abort the JVM (DJL 0.38).
     */
    private static InputStream withoutTruncationAndPadding(Path tokenizerJson) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        // streamed: no tree of the whole vocabulary, and numbers (e.g. Unigram scores) copied exactly
        try (JsonParser in = JSON.createParser(Files.newInputStream(tokenizerJson));
             JsonGenerator out = JSON.createGenerator(copy)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object"); // the constructor names the file
            }
            out.writeStartObject();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                out.writeFieldName(name);
                if (DROPPED_BLOCKS.contains(name)) {
                    in.skipChildren();
                    out.writeNull();
                } else {
                    out.copyCurrentStructureExact(in);
                }
            }
            out.writeEndObject();
        }
        return new ByteArrayInputStream(copy.toByteArray());
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
                throw InputErrors.invalid(position, "text is longer than maxTextTokens ("
                        + maxTokens + " tokens); shorten it, raise maxTextTokens, or allow truncation");
            }
            log.debug("Input {}: text truncated to {} tokens", position, maxTokens);
        }
        long[] ids = encoding.getIds();
        if (ids.length == 0) {
            throw InputErrors.invalid(position, "text has no tokens");
        }
        return ids;
    }

    /** The number of token ids of one text, special tokens included, at most {@code maxTokens}. */
    public int count(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
