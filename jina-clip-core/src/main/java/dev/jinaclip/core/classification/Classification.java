package dev.jinaclip.core.classification;

import java.util.List;

/**
 * The result for one image: every label of the classifier with its probability, most probable first (labels of
 * equal probability in the order the classifier was given them). The probabilities sum to 1.
 *
 * @param labels every label once, by descending probability
 */
public record Classification(List<LabelProbability> labels) {

    public Classification {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels must not be empty");
        }
    }

    /** The most probable label. */
    public LabelProbability best() {
        return labels.get(0);
    }

    /**
     * The score of {@code label}.
     *
     * @throws IllegalArgumentException if the classifier has no such label
     */
    public LabelProbability of(String label) {
        for (LabelProbability scored : labels) {
            if (scored.label().equals(label)) {
                return scored;
            }
        }
        throw new IllegalArgumentException("No label '" + label + "'; the labels are " + labels.stream()
                .map(LabelProbability::label).toList());
    }
}
