package dev.jinaclip.api.internal;

import dev.jinaclip.core.internal.ResolvedInput;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Splits inputs into contiguous request-sized ranges, keeping input order. */
public final class Batches {

    private Batches() {
    }

    /** A range of inputs sent in one request: positions {@code from} (inclusive) to {@code to} (exclusive). */
    public record Range(int from, int to) {
        public int size() {
            return to - from;
        }
    }

    /**
     * Ranges of at most {@code maxInputs} inputs whose image data adds up to at most {@code maxImageBytes}
     * (a single larger image still gets a request of its own).
     */
    public static List<Range> split(List<ResolvedInput> inputs, int maxInputs, long maxImageBytes) {
        return split(inputs, maxInputs, maxImageBytes, ResolvedInput::imageBytes);
    }

    /** Like {@link #split(List, int, long)}, with the image data each input will upload at most. */
    public static List<Range> split(List<ResolvedInput> inputs, int maxInputs, long maxImageBytes,
                                    ToLongFunction<ResolvedInput> uploadBytes) {
        List<Range> ranges = new ArrayList<>();
        int from = 0;
        long imageBytes = 0;
        for (int i = 0; i < inputs.size(); i++) {
            long bytes = uploadBytes.applyAsLong(inputs.get(i));
            boolean full = i - from == maxInputs || (i > from && imageBytes + bytes > maxImageBytes);
            if (full) {
                ranges.add(new Range(from, i));
                from = i;
                imageBytes = 0;
            }
            imageBytes += bytes;
        }
        if (from < inputs.size()) {
            ranges.add(new Range(from, inputs.size()));
        }
        return ranges;
    }
}
