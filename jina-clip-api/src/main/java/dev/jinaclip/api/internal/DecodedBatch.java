package dev.jinaclip.api.internal;

import dev.jinaclip.core.ClipUsage;

/**
 * One response, checked and in input order.
 *
 * @param vectors one vector per input of the batch, in batch order
 */
public record DecodedBatch(float[][] vectors, ClipUsage usage) {
}
