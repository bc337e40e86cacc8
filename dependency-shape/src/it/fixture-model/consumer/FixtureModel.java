package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jina-clip-testing's tiny model (random weights with jina-clip-v1's signature), read in place, and the vector its
 * {@code expected.json} gives for the text "red": the reference row divided by its L2 norm, as the engine returns it.
 */
final class FixtureModel {

    static final String TEXT = "red";

    // expected.json is written with sorted keys, one field a line; the "red" row is the first of its text cases
    private static final Pattern RED_ROW = Pattern.compile("\"name\": \"red\",\\s*\"text_embeds\": \\[\\s*\\{\\s*"
            + "\"first8\": \\[[^\\]]*\\],\\s*\"full\": \\[([^\\]]+)\\],\\s*\"l2norm\": ([-0-9.eE]+)");

    private FixtureModel() {
    }

    /** The model folder, laid out like the Hugging Face repo jinaai/jina-clip-v1. */
    static Path directory() {
        return Path.of(System.getProperty("fixture.models"), "tiny");
    }

    static float[] expectedVector() {
        String expected;
        try {
            expected = Files.readString(directory().resolve("expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher row = RED_ROW.matcher(expected);
        if (!row.find()) {
            throw new IllegalStateException("no row for \"red\" in " + directory().resolve("expected.json"));
        }
        double norm = Double.parseDouble(row.group(2));
        double[] full = Arrays.stream(row.group(1).split(",")).mapToDouble(Double::parseDouble).toArray();
        float[] vector = new float[full.length];
        for (int i = 0; i < full.length; i++) {
            vector[i] = (float) (full[i] / norm);
        }
        return vector;
    }

    /** Equal to {@link #expectedVector()} within expected.json's tolerance. */
    static void assertExpectedVector(float[] actual) {
        assertArrayNear(expectedVector(), actual);
    }

    private static void assertArrayNear(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "dimension");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4, "component " + i);
        }
    }
}
