package dev.jinaclip.core.classification;

import java.util.Objects;

/**
 * One label's score for one image.
 *
 * @param label       the label, as given to the classifier
 * @param probability the softmax probability over all the classifier's labels, 0 to 1
 * @param similarity  the cosine similarity between the image and the label's prompt, -1 to 1; unlike the
 *                    probability, it does not depend on the other labels, so it can tell an image that fits no
 *                    label (every similarity low) from one that fits several
 */
public record LabelProbability(String label, double probability, double similarity) {

    public LabelProbability {
        Objects.requireNonNull(label, "label");
    }
}
