package dev.jinaclip.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Exact search by cosine similarity (vectors are L2-normalised, so the dot product), every query against the whole
 * gallery, and Recall@k over the results. Of two gallery items with the same similarity, the earlier ranks first.
 */
final class Retrieval {

    /** No item excluded from a query's results. */
    static final int NONE = -1;

    private Retrieval() {
    }

    /**
     * Searches and scores.
     *
     * @param queries  normalised query vectors
     * @param gallery  normalised gallery vectors
     * @param relevant for each query, the gallery indexes relevant to it, sorted; empty: the query is not evaluated
     * @param excluded for each query, a gallery index left out of its results (the query itself), or {@link #NONE}
     * @param ks       the cut-offs, ascending
     */
    static TaskResult evaluate(Task task, float[][] queries, float[][] gallery, List<int[]> relevant, int[] excluded,
                               int[] ks) {
        int depth = ks[ks.length - 1];
        int[][] found = new int[queries.length][];
        IntStream.range(0, queries.length).parallel().forEach(q -> {
            if (relevant.get(q).length > 0) {
                found[q] = relevantFound(top(queries[q], gallery, depth, excluded[q]), relevant.get(q), ks);
            }
        });
        SortedMap<Integer, Double> recall = new TreeMap<>();
        SortedMap<Integer, Double> fraction = new TreeMap<>();
        int evaluated = 0;
        for (int[] counts : found) {
            evaluated += counts == null ? 0 : 1;
        }
        for (int j = 0; j < ks.length; j++) {
            double hits = 0;
            double share = 0;
            for (int q = 0; q < queries.length; q++) {
                if (found[q] != null) {
                    hits += found[q][j] > 0 ? 1 : 0;
                    share += (double) found[q][j] / relevant.get(q).length;
                }
            }
            recall.put(ks[j], evaluated == 0 ? Double.NaN : hits / evaluated);
            fraction.put(ks[j], evaluated == 0 ? Double.NaN : share / evaluated);
        }
        return new TaskResult(task, queries.length, evaluated, gallery.length, recall, fraction);
    }

    /** The gallery indexes of the {@code depth} items most similar to the query, best first. */
    static int[] top(float[] query, float[][] gallery, int depth, int excluded) {
        int capacity = Math.min(depth, gallery.length - (excluded == NONE ? 0 : 1));
        int[] indexes = new int[Math.max(capacity, 0)];
        double[] scores = new double[indexes.length];
        int size = 0;
        for (int g = 0; g < gallery.length && capacity > 0; g++) {
            if (g == excluded) {
                continue;
            }
            double score = Vectors.dot(query, gallery[g]);
            if (size == capacity && score <= scores[size - 1]) {
                continue;
            }
            // insert after every item at least as similar: equal scores keep gallery order
            int at = size == capacity ? size - 1 : size++;
            while (at > 0 && scores[at - 1] < score) {
                scores[at] = scores[at - 1];
                indexes[at] = indexes[at - 1];
                at--;
            }
            scores[at] = score;
            indexes[at] = g;
        }
        return indexes;
    }

    private static int[] relevantFound(int[] top, int[] relevant, int[] ks) {
        int[] counts = new int[ks.length];
        int found = 0;
        int j = 0;
        for (int rank = 1; rank <= top.length; rank++) {
            if (Arrays.binarySearch(relevant, top[rank - 1]) >= 0) {
                found++;
            }
            while (j < ks.length && ks[j] == rank) {
                counts[j++] = found;
            }
        }
        while (j < ks.length) {
            counts[j++] = found;
        }
        return counts;
    }
}
