package dev.jinaclip.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** What to compute and where to write it. */
final class OutputOptions {

    @Option(names = "--k", paramLabel = "K", split = ",", defaultValue = "1,5,10", order = 20,
            description = "The cut-offs of Recall@k, comma-separated. Default: ${DEFAULT-VALUE}; "
                    + Task.TABLE_K + " is always computed, for the published table's layout.")
    List<Integer> ks;

    @Option(names = "--json", paramLabel = "FILE", order = 21,
            description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--no-progress", order = 22,
            description = "No progress bar. It is drawn on standard error only when that is a terminal.")
    boolean noProgress;

    /**
     * The cut-offs, ascending, {@link Task#TABLE_K} included.
     *
     * @throws IllegalArgumentException for a cut-off below 1
     */
    int[] cutoffs() {
        TreeSet<Integer> sorted = new TreeSet<>(ks);
        sorted.add(Task.TABLE_K);
        if (sorted.first() < 1) {
            throw new IllegalArgumentException("--k values must be at least 1, was " + sorted.first());
        }
        return sorted.stream().mapToInt(Integer::intValue).toArray();
    }
}
