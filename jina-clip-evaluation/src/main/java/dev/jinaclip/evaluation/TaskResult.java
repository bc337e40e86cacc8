package dev.jinaclip.evaluation;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Recall of one task.
 *
 * @param task           the task
 * @param queries        the task's queries
 * @param evaluated      the queries with at least one relevant item; the recalls average over these
 * @param galleryItems   the items searched
 * @param recall         Recall@k by k: the share of evaluated queries with a relevant item among their first k
 *                       results (the CLIP Benchmark's definition)
 * @param recallFraction by k: the mean share of each query's relevant items found among its first k results
 *                       (pytrec_eval's and so MTEB's recall); equal to {@code recall} where every query has one
 *                       relevant item
 */
public record TaskResult(Task task, int queries, int evaluated, int galleryItems, SortedMap<Integer, Double> recall,
                         SortedMap<Integer, Double> recallFraction) {

    public TaskResult {
        recall = new TreeMap<>(recall);
        recallFraction = new TreeMap<>(recallFraction);
    }

    /** Queries counted but not evaluated, having no relevant item. */
    public int skipped() {
        return queries - evaluated;
    }

    /** Recall@k; {@code NaN} when no query could be evaluated. */
    public double recallAt(int k) {
        return recall.getOrDefault(k, Double.NaN);
    }
}
