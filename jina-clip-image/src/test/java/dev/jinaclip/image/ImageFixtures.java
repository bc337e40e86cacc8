package dev.jinaclip.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The image parity fixtures ({@code images/} on the test class path), for this module's tests and for the modules
 * that run them through a backend (this module's test-jar).
 */
public final class ImageFixtures {

    private ImageFixtures() {
    }

    /** The manifest that {@code make_image_parity_fixtures.py} writes: each image, its reference crop, its kind. */
    public static JsonNode manifest() {
        try {
            return new ObjectMapper().readTree(bytes("expected/manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names of every fixture image (JPEG, PNG 8- and 16-bit, palette, CMYK, GIF, BMP, TIFF, WebP). */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        manifest().get("images").forEach(image -> names.add(image.get("file").asText()));
        return names;
    }

    /** The bytes of a file under {@code images/}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Objects.requireNonNull(ImageFixtures.class.getResourceAsStream("/images/" + name),
                "no image fixture " + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
