package dev.jinaclip.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How closely two backends agree on the same items: the cosine between each item's vector from one and from the
 * other, summarised per item set and over all items.
 *
 * @param first  the first backend's label
 * @param second the second backend's label
 * @param sets   one summary per item set both embedded, then {@link #ALL} over every item
 */
record Agreement(String first, String second, List<Summary> sets) {

    /** The name of the summary over every item. */
    static final String ALL = "all items";

    /**
     * One item set's cosines.
     *
     * @param lowestItem the item with the lowest cosine: its position in the set and {@link Embedder#shown} of it
     */
    record Summary(String name, int items, double min, double median, double mean, String lowestItem) {
    }

    /** The agreement of two runs on the same datasets. */
    static Agreement of(BackendRun first, BackendRun second) {
        List<Summary> sets = new ArrayList<>();
        List<Double> everything = new ArrayList<>();
        String lowestOverall = null;
        double lowestCosine = Double.POSITIVE_INFINITY;
        for (EmbeddedSet a : first.sets().values()) {
            EmbeddedSet b = second.sets().get(a.name());
            if (b == null) {
                continue;
            }
            double[] cosines = new double[a.vectors().length];
            int lowest = 0;
            for (int i = 0; i < cosines.length; i++) {
                cosines[i] = Vectors.dot(a.vectors()[i], b.vectors()[i]);
                everything.add(cosines[i]);
                lowest = cosines[i] < cosines[lowest] ? i : lowest;
            }
            String lowestItem = "item " + lowest + ": " + Embedder.shown(a.inputs().get(lowest));
            sets.add(summary(a.name(), cosines, lowestItem));
            if (cosines[lowest] < lowestCosine) {
                lowestCosine = cosines[lowest];
                lowestOverall = a.name() + " " + lowestItem;
            }
        }
        sets.add(summary(ALL, everything.stream().mapToDouble(Double::doubleValue).toArray(), lowestOverall));
        return new Agreement(first.backend().label(), second.backend().label(), sets);
    }

    private static Summary summary(String name, double[] cosines, String lowestItem) {
        double[] sorted = cosines.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(name, n, sorted[0], median, Arrays.stream(sorted).average().orElseThrow(), lowestItem);
    }
}
