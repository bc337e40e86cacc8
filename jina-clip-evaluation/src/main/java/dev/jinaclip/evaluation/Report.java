package dev.jinaclip.evaluation;

import java.util.List;

/**
 * Everything a run found, for the table and the JSON file.
 *
 * @param datasets  the datasets
 * @param ks        the cut-offs, ascending
 * @param runs      one per backend, in command-line order
 * @param agreement in compare mode, the two backends' agreement; otherwise {@code null}
 */
record Report(Datasets datasets, int[] ks, List<BackendRun> runs, Agreement agreement) {
}
