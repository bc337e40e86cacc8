package dev.jinaclip.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** The committed test fixtures: small ONNX models with jina-clip's signature, and their expected outputs. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Path> EXTRACTED = new HashMap<>();

    private Fixtures() {
    }

    /**
     * A fixture folder of this module's {@code models} resources, e.g. {@code tiny} or {@code semantic}: the folder
     * itself, or, where this module is a jar, a copy of it in a temporary folder (made once per JVM).
     */
    public static synchronized Path model(String name) {
        URL url = Objects.requireNonNull(Fixtures.class.getResource("/models/" + name), "no fixture model " + name);
        try {
            if (!url.getProtocol().equals("jar")) {
                return Path.of(url.toURI());
            }
            Path copy = EXTRACTED.get(name);
            if (copy == null) {
                copy = extract(url.toURI(), name);
                EXTRACTED.put(name, copy);
            }
            return copy;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy fixture model " + name + " out of " + url, e);
        }
    }

    private static Path extract(URI folder, String name) throws IOException {
        Path target = Files.createTempDirectory("jina-clip-fixture-" + name.replace('/', '-'));
        try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
            Path source = jar.provider().getPath(folder);
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Path to = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(path, to);
                    }
                }
            }
        }
        return target;
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
        return encode(image, "png");
    }

    /** {@code image} encoded by ImageIO, e.g. as {@code png} or {@code jpg}. */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG whose header declares {@code width × height} 8-bit RGB pixels, followed by a tiny IDAT: a few dozen
     * bytes that a decoder without a pixel limit would try to expand to {@code 3 × width × height} bytes.
     */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        pngChunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put(new byte[3]).array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * 16]);
        deflater.finish();
        byte[] idat = new byte[64];
        pngChunk(out, "IDAT", Arrays.copyOf(idat, deflater.deflate(idat)));
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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
