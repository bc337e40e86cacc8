package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Optional;

/**
 * How the server answers a vector: the hosted API's {@code embedding_type} values, each with its encoding. The
 * client's {@code dev.jinaclip.api.EmbeddingType} has only the types it decodes back to floats; the server also
 * answers the sign-packed ones.
 */
enum OutputType {

    /** JSON numbers, one a dimension. */
    FLOAT("float", true) {
        @Override
        JsonNode encode(float[] vector) {
            ArrayNode values = JsonNodeFactory.instance.arrayNode(vector.length);
            for (float value : vector) {
                values.add(value);
            }
            return values;
        }
    },

    /** Little-endian float32, 4 bytes a dimension, as the API's clients (ours, OpenAI's) decode it. */
    BASE64("base64", true) {
        @Override
        JsonNode encode(float[] vector) {
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(vector);
            return JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(bytes.array()));
        }
    },

    /** The sign bits packed as {@link #UBINARY}, each byte less 128: int8, -128..127. */
    BINARY("binary", false) {
        @Override
        JsonNode encode(float[] vector) {
            return numbers(packedSigns(vector), -128);
        }
    },

    /** The sign bits (1 for a value above 0), 8 dimensions a byte, first dimension in the top bit: uint8, 0..255. */
    UBINARY("ubinary", false) {
        @Override
        JsonNode encode(float[] vector) {
            return numbers(packedSigns(vector), 0);
        }
    };

    private final String apiValue;
    private final boolean openAi;

    OutputType(String apiValue, boolean openAi) {
        this.apiValue = apiValue;
        this.openAi = openAi;
    }

    /** The JSON value of {@code data[].embedding} for one vector. */
    abstract JsonNode encode(float[] vector);

    /** The value of {@code embedding_type} (and of OpenAI's {@code encoding_format}, for those it has). */
    String apiValue() {
        return apiValue;
    }

    /** Whether OpenAI's {@code encoding_format} has this value. */
    boolean openAi() {
        return openAi;
    }

    /** The type of that API value. */
    static Optional<OutputType> of(String apiValue) {
        for (OutputType type : values()) {
            if (type.apiValue.equals(apiValue)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * numpy's {@code packbits(vector > 0)}: bit {@code 7 - i % 8} of byte {@code i / 8} is dimension {@code i}'s
     * sign, the last byte padded with zero bits.
     */
    static int[] packedSigns(float[] vector) {
        int[] bytes = new int[(vector.length + Byte.SIZE - 1) / Byte.SIZE];
        for (int i = 0; i < vector.length; i++) {
            if (vector[i] > 0) {
                bytes[i / Byte.SIZE] |= 0x80 >>> (i % Byte.SIZE);
            }
        }
        return bytes;
    }

    private static ArrayNode numbers(int[] bytes, int offset) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode(bytes.length);
        for (int value : bytes) {
            values.add(value + offset);
        }
        return values;
    }
}
