package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import java.util.List;

/**
 * One request to the endpoint, whichever shape it came in.
 *
 * @param shape      the shape it came in
 * @param inputs     what to embed, in request order
 * @param type       how vectors are answered
 * @param normalized whether vectors are scaled to unit length
 * @param truncate   whether a text longer than the model's window is cut rather than refused
 */
record EmbeddingsRequest(RequestShape shape, List<ClipInput> inputs, OutputType type, boolean normalized,
        boolean truncate) {

    EmbeddingsRequest {
        inputs = List.copyOf(inputs);
    }
}
