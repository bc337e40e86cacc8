package dev.jinaclip.evaluation;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.JinaClipException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Embeds item sets through one engine, a batch per call, and L2-normalises the vectors. */
final class Embedder {

    /** The engines' per-input error format, {@code Input <position>: <problem>}, positions within one call. */
    private static final Pattern INPUT_ERROR = Pattern.compile("^Input (\\d+): (.*)$", Pattern.DOTALL);
    private static final int SHOWN_TEXT_CHARS = 80;

    private final ClipEngine engine;
    private final int batchSize;
    private final Progress progress;

    Embedder(ClipEngine engine, int batchSize, Progress progress) {
        this.engine = engine;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /**
     * The vectors of {@code inputs}.
     *
     * @throws EvaluationException naming the set and the item, where the engine rejects an input or fails
     */
    EmbeddedSet embed(String name, List<ClipInput> inputs, ClipInputType type) {
        float[][] vectors = new float[inputs.size()][];
        Progress.Bar bar = progress.start(name, inputs.size(), inputs.get(0).isImage() ? "images" : "texts");
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int to = Math.min(from + batchSize, inputs.size());
            ClipEmbeddings embeddings;
            try {
                embeddings = engine.embed(inputs.subList(from, to), type);
            } catch (IllegalArgumentException | JinaClipException e) {
                bar.done();
                throw failure(name, inputs, from, to, e);
            }
            if (embeddings.vectors().size() != to - from) {
                throw new EvaluationException(name + ": the backend returned " + embeddings.vectors().size()
                        + " vectors for " + (to - from) + " inputs");
            }
            for (int i = from; i < to; i++) {
                try {
                    vectors[i] = Vectors.normalized(embeddings.vectors().get(i - from));
                } catch (IllegalStateException e) {
                    throw new EvaluationException(name + " item " + i + " (" + shown(inputs.get(i)) + "): "
                            + e.getMessage());
                }
            }
            bar.advance(to - from);
        }
        bar.done();
        return new EmbeddedSet(name, inputs, vectors);
    }

    private static EvaluationException failure(String name, List<ClipInput> inputs, int from, int to,
                                               RuntimeException error) {
        String message = String.valueOf(error.getMessage());
        Matcher input = INPUT_ERROR.matcher(message);
        if (input.matches()) {
            int item = from + Integer.parseInt(input.group(1));
            if (item < to) {
                return new EvaluationException(name + " item " + item + " (" + shown(inputs.get(item)) + "): "
                        + input.group(2), error);
            }
        }
        return new EvaluationException(name + " items " + from + " to " + (to - 1) + ": " + message, error);
    }

    /** How an item is named in errors and reports: never with image data, long texts cut. */
    static String shown(ClipInput input) {
        String description = input.describe();
        return description.length() <= SHOWN_TEXT_CHARS ? description
                : description.substring(0, SHOWN_TEXT_CHARS - 1) + "…";
    }
}
