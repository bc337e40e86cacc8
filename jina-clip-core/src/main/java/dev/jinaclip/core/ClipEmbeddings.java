package dev.jinaclip.core;

import java.util.List;
import java.util.Objects;

/**
 * The result of one embedding call: one vector per input, in input order, and what the call used.
 *
 * @param vectors     one vector per input, in the order of the inputs
 * @param modelName   the model that produced the vectors
 * @param usage       tokens used: billed tokens for the hosted API, text tokens for local inference
 */
public record ClipEmbeddings(List<float[]> vectors, String modelName, ClipUsage usage) {

    public ClipEmbeddings {
        vectors = List.copyOf(vectors);
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(usage, "usage");
    }
}
