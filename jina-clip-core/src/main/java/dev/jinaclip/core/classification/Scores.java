package dev.jinaclip.core.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The arithmetic of zero-shot classification: cosine similarities, and their softmax. */
final class Scores {

    private Scores() {
    }

    /** {@code vector} scaled to length 1; a zero vector stays zero, so its similarity to anything is 0. */
    static double[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        norm = Math.sqrt(norm);
        double[] unit = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : vector[i] / norm;
        }
        return unit;
    }

    /**
     * Each label's probability for one image: {@code softmax(logitScale × cos(image, label))} over the labels,
     * with the largest logit subtracted first, so that no exponent overflows.
     *
     * @param labels the labels' unit vectors, in the labels' order
     */
    static Classification classify(double[] image, List<String> names, double[][] labels, double logitScale) {
        double[] similarity = new double[labels.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < labels.length; l++) {
            double dot = 0;
            for (int d = 0; d < image.length; d++) {
                dot += image[d] * labels[l][d];
            }
            similarity[l] = dot;
            max = Math.max(max, logitScale * dot);
        }
        double[] weight = new double[labels.length];
        double sum = 0;
        for (int l = 0; l < labels.length; l++) {
            weight[l] = Math.exp(logitScale * similarity[l] - max);
            sum += weight[l];
        }
        List<LabelProbability> scored = new ArrayList<>(labels.length);
        for (int l = 0; l < labels.length; l++) {
            scored.add(new LabelProbability(names.get(l), weight[l] / sum, similarity[l]));
        }
        // a stable sort: equal probabilities keep the labels' order
        scored.sort(Comparator.comparingDouble(LabelProbability::probability).reversed());
        return new Classification(scored);
    }
}
