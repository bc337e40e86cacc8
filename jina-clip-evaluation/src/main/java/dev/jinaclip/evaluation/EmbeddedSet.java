package dev.jinaclip.evaluation;

import dev.jinaclip.core.ClipInput;
import java.util.List;

/**
 * Items of a dataset and their vectors from one backend.
 *
 * @param name    what the items are, e.g. {@code BEIR documents}
 * @param inputs  the items
 * @param vectors one L2-normalised vector per item, in item order
 */
record EmbeddedSet(String name, List<ClipInput> inputs, float[][] vectors) {
}
