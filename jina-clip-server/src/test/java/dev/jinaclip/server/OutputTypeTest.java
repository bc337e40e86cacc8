package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each output type's encoding of a vector whose values are chosen for the edges of the sign rule. */
class OutputTypeTest {

    // 10 dimensions: two bytes, the second padded; only values strictly above 0 set a bit (numpy's "> 0")
    static final float[] EDGES = {1f, -1f, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.NaN, 3.5f,
            -2f, Float.POSITIVE_INFINITY};

    static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(value -> values.add(value.intValue()));
        return values;
    }

    @Test
    void ubinaryPacksTheSignsFirstDimensionInTheTopBit() {
        // bits 1 0 0 0 1 0 0 1 | 0 1 (0 0 0 0 0 0 padding)
        assertThat(ints(OutputType.UBINARY.encode(EDGES))).containsExactly(0b1000_1001, 0b0100_0000);
    }

    @Test
    void binaryIsUbinaryLess128() {
        assertThat(ints(OutputType.BINARY.encode(EDGES))).containsExactly(0b1000_1001 - 128, 0b0100_0000 - 128);
        assertThat(ints(OutputType.BINARY.encode(new float[] {-1, -1, -1, -1, -1, -1, -1, -1}))).containsExactly(-128);
        assertThat(ints(OutputType.BINARY.encode(new float[] {1, 1, 1, 1, 1, 1, 1, 1}))).containsExactly(127);
        assertThat(ints(OutputType.UBINARY.encode(new float[] {1, 1, 1, 1, 1, 1, 1, 1}))).containsExactly(255);
    }

    @Test
    void base64IsLittleEndianFloat32AndFloatIsTheNumbers() {
        float[] vector = {1.5f, -0.25f, 3e-8f};
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(OutputType.BASE64.encode(vector).asText()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(12);
        assertThat(new float[] {bytes.getFloat(), bytes.getFloat(), bytes.getFloat()}).containsExactly(vector);
        JsonNode numbers = OutputType.FLOAT.encode(vector);
        assertThat(new float[] {numbers.get(0).floatValue(), numbers.get(1).floatValue(), numbers.get(2).floatValue()})
                .containsExactly(vector);
    }

    @Test
    void openAiHasOnlyTheFloatTypes() {
        assertThat(OutputType.values()).filteredOn(OutputType::openAi)
                .containsExactly(OutputType.FLOAT, OutputType.BASE64);
    }
}
