package dev.jinaclip.api.internal;

import dev.jinaclip.api.EmbeddingType;

/**
 * How far a response to one batch is read: room for the most verbose legitimate answer, so that a body that never
 * ends, or declares more, fails instead of filling the heap. Travels with the request as its tag.
 *
 * @param bytes  the most bytes read from the body
 * @param answer what it is sized for, such as "64 inputs of 768 float values"
 */
public record ResponseLimit(long bytes, String answer) {

    /** Room for an error body, {@code model}, {@code usage} and whitespace, whatever the batch. */
    static final long BASE_BYTES = 1L << 20;
    /** An item's fields besides its vector ({@code {"object":"embedding","index":2047,"embedding":}}) and more. */
    static final long ITEM_BYTES = 1024;
    /** A JSON float is at most 25 characters with its comma (-2.2250738585072014e-308,); twice that for indentation. */
    static final long FLOAT_COMPONENT_BYTES = 50;
    /** A float32 is 16/3 base64 characters; twice that for a server that escapes '/' as '\/'. */
    static final long BASE64_COMPONENT_BYTES = 11;

    /** The limit for an answer of {@code inputs} vectors of {@code dimension} components each. */
    public static ResponseLimit forBatch(int inputs, int dimension, EmbeddingType type) {
        long componentBytes = type == EmbeddingType.BASE64 ? BASE64_COMPONENT_BYTES : FLOAT_COMPONENT_BYTES;
        long bytes = BASE_BYTES + inputs * (ITEM_BYTES + dimension * componentBytes);
        return new ResponseLimit(bytes, inputs + (inputs == 1 ? " input of " : " inputs of ") + dimension + " "
                + type.apiValue() + " values");
    }

    /** The sentence end of an over-limit error: "... than N bytes, the most an answer for ... can need". */
    String exceeded() {
        return bytes + " bytes, the most an answer for " + answer + " can need";
    }
}
