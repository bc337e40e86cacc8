package dev.jinaclip.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/** The committed test fixtures: small ONNX models with jina-clip's signature, and their expected outputs. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A fixture folder under {@code src/test/resources/models}, e.g. {@code tiny} or {@code semantic}. */
    public static Path model(String name) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/models/" + name),
                    "no fixture model " + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture model's {@code expected.json}: outputs of a numpy forward pass of the same graphs. */
    public static JsonNode expected(String name) {
        try {
            return JSON.readTree(model(name).resolve("expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected case of that name from {@code expected.json}'s {@code text} or {@code image} list. */
    public static JsonNode expectedCase(String model, String list, String name) {
        for (JsonNode item : expected(model).get(list)) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new IllegalArgumentException("no " + list + " case " + name + " in " + model);
    }

    /** A JSON array of numbers as floats. */
    public static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    /** A PNG of one colour. */
    public static byte[] solidPng(Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Cosine similarity. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** L2 norm. */
    public static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
