package dev.jinaclip.onnx.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups tokenised texts into batches of similar length, so padding wastes little: texts sorted by length,
 * then cut into batches of at most {@code maxBatchSize} texts whose padded size (texts × longest length) stays
 * within {@code maxBatchTokens} and whose estimated inference memory ({@link InferenceMemory#textBytes}) stays
 * within {@code maxBatchBytes}. A batch also ends before a text shorter than half its longest one, so no text is
 * padded to more than twice its length (attention cost grows with the square of the padded length). A text
 * longer than the budgets still gets a batch of its own.
 */
public final class TextBatches {

    private TextBatches() {
    }

    /** {@link #plan(int[], int, int, long)} without a memory limit. */
    public static List<int[]> plan(int[] lengths, int maxBatchSize, int maxBatchTokens) {
        return plan(lengths, maxBatchSize, maxBatchTokens, Long.MAX_VALUE);
    }

    /**
     * @param lengths token count of each text, by position
     * @return batches of positions; each position appears exactly once
     */
    public static List<int[]> plan(int[] lengths, int maxBatchSize, int maxBatchTokens, long maxBatchBytes) {
        // longest first, so a batch's first text sets its padded length; ties keep input order
        Integer[] order = IntStream.range(0, lengths.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> lengths[i]).reversed()
                .thenComparingInt(i -> i));
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int padded = lengths[order[start]];
            int capacity = Math.max(1, Math.min(maxBatchSize, maxBatchTokens / Math.max(1, padded)));
            int end = start + 1;
            while (end < order.length && end - start < capacity && 2 * lengths[order[end]] >= padded
                    && InferenceMemory.textBytes(end - start + 1, padded) <= maxBatchBytes) {
                end++;
            }
            int[] batch = new int[end - start];
            for (int i = start; i < end; i++) {
                batch[i - start] = order[i];
            }
            batches.add(batch);
            start = end;
        }
        return batches;
    }
}
