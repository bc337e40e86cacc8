package dev.jinaclip.server;

import java.util.List;

/**
 * What a request is answered with.
 *
 * @param vectors     one per input, in input order
 * @param tokens      the tokens the hosted API would bill: texts by the tokenizer, images by tiles
 * @param imageTokens the part of {@code tokens} that images cost
 * @param hasImages   whether any input was an image
 */
record ServedEmbeddings(List<float[]> vectors, long tokens, long imageTokens, boolean hasImages) {

    ServedEmbeddings {
        vectors = List.copyOf(vectors);
    }
}
