package dev.jinaclip.benchmarks;

import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.internal.TextBatches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** How a workload's inputs are cut into inference batches: the engine's way, and the layouts swept against it. */
final class BatchLayouts {

    /** Rows per batch that the sweep tries (fewer where the workload has fewer inputs). */
    static final int[] SWEEP_ROWS = {1, 2, 4, 8, 16, 32};

    /**
     * A layout.
     *
     * @param name    what it is, e.g. "engine plan" or "4 rows"
     * @param batches positions of the inputs in each batch
     */
    record Layout(String name, List<int[]> batches) {
    }

    private BatchLayouts() {
    }

    /**
     * Images per batch in the engine. Point this at the engine's image batch setting when it has its own; until
     * then images are batched by {@code maxBatchSize}.
     */
    static int engineImageBatchSize(JinaClipOnnxConfig config) {
        return config.maxImageBatchSize();
    }

    /** The engine's text plan for texts of these token counts. */
    static Layout engineTexts(int[] lengths, JinaClipOnnxConfig config) {
        return new Layout("engine plan", TextBatches.plan(lengths, config.maxBatchSize(), config.maxBatchTokens(),
                config.maxInferenceMemory()));
    }

    /** The engine's image batches: input order, {@link #engineImageBatchSize} at a time. */
    static Layout engineImages(int count, JinaClipOnnxConfig config) {
        int rows = engineImageBatchSize(config);
        return new Layout("engine batches of " + rows, equalRows(IntStream.range(0, count).toArray(), rows));
    }

    /**
     * Texts sorted by length (longest first) and cut into batches of equal rows, leaving out a layout with a
     * batch of more than one row over {@code maxPaddedTokens} (rows × longest), which would only measure memory
     * pressure; and, where the lengths differ more than twofold, the same within groups of similar length, so
     * that short texts are not padded to long ones, with fewer rows where a group's texts would exceed
     * {@code maxPaddedTokens}.
     */
    static List<Layout> textSweep(int[] lengths, int maxPaddedTokens) {
        int[] sorted = IntStream.range(0, lengths.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> lengths[i]).reversed().thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> groups = lengthGroups(sorted, lengths);
        List<Layout> layouts = new ArrayList<>();
        for (int rows : sweepRows(lengths.length)) {
            Layout equal = new Layout(rowsName(rows), equalRows(sorted, rows));
            if (fits(equal, lengths, maxPaddedTokens)) {
                layouts.add(equal);
            }
            if (groups.size() > 1) {
                List<int[]> batches = new ArrayList<>();
                for (int[] group : groups) {
                    int longest = lengths[group[0]];
                    batches.addAll(equalRows(group, Math.max(1, Math.min(rows, maxPaddedTokens / longest))));
                }
                layouts.add(new Layout(rowsName(rows) + " in length groups, <= " + maxPaddedTokens + " tokens",
                        batches));
            }
        }
        return layouts;
    }

    /** The layouts without those that batch exactly as an earlier one does. */
    static List<Layout> distinct(List<Layout> layouts) {
        List<Layout> distinct = new ArrayList<>();
        for (Layout layout : layouts) {
            if (distinct.stream().noneMatch(kept -> sameBatches(kept, layout))) {
                distinct.add(layout);
            }
        }
        return distinct;
    }

    /** Images in input order, cut into batches of equal rows. */
    static List<Layout> imageSweep(int count) {
        List<Layout> layouts = new ArrayList<>();
        for (int rows : sweepRows(count)) {
            layouts.add(new Layout(rowsName(rows), equalRows(IntStream.range(0, count).toArray(), rows)));
        }
        return layouts;
    }

    /** The batch shapes "rows x padded length" in order, runs of one shape as "count * shape". */
    static List<String> textShapes(Layout layout, int[] lengths) {
        return runLengths(layout.batches().stream().map(batch -> batch.length + "x" + padded(batch, lengths))
                .toList());
    }

    /** The batch sizes in order, runs of one size as "count * rows". */
    static List<String> imageShapes(Layout layout) {
        return runLengths(layout.batches().stream().map(batch -> Integer.toString(batch.length)).toList());
    }

    private static List<String> runLengths(List<String> shapes) {
        List<String> runs = new ArrayList<>();
        for (int start = 0, end; start < shapes.size(); start = end) {
            end = start + 1;
            while (end < shapes.size() && shapes.get(end).equals(shapes.get(start))) {
                end++;
            }
            runs.add(end - start == 1 ? shapes.get(start) : (end - start) + " * " + shapes.get(start));
        }
        return runs;
    }

    private static String rowsName(int rows) {
        return rows == 1 ? "1 row" : rows + " rows";
    }

    private static int[] sweepRows(int count) {
        int[] rows = Arrays.stream(SWEEP_ROWS).filter(r -> r <= count).toArray();
        return rows.length == 0 ? new int[] {1} : rows;
    }

    private static boolean fits(Layout layout, int[] lengths, int maxPaddedTokens) {
        return layout.batches().stream()
                .allMatch(batch -> batch.length == 1
                        || (long) batch.length * padded(batch, lengths) <= maxPaddedTokens);
    }

    private static boolean sameBatches(Layout a, Layout b) {
        if (a.batches().size() != b.batches().size()) {
            return false;
        }
        for (int i = 0; i < a.batches().size(); i++) {
            if (!Arrays.equals(a.batches().get(i), b.batches().get(i))) {
                return false;
            }
        }
        return true;
    }

    // runs of sorted positions in which no text is under half the run's longest
    private static List<int[]> lengthGroups(int[] sorted, int[] lengths) {
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || 2 * lengths[sorted[i]] < lengths[sorted[start]]) {
                groups.add(Arrays.copyOfRange(sorted, start, i));
                start = i;
            }
        }
        return groups;
    }

    private static List<int[]> equalRows(int[] positions, int rows) {
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < positions.length; start += rows) {
            batches.add(Arrays.copyOfRange(positions, start, Math.min(positions.length, start + rows)));
        }
        return batches;
    }

    private static int padded(int[] batch, int[] lengths) {
        return Arrays.stream(batch).map(i -> lengths[i]).max().orElse(0);
    }
}
