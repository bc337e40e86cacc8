package dev.jinaclip.rag;

import dev.jinaclip.testing.Fixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/**
 * The test corpus and model: solid-colour pictures and short passages, for the "semantic" ONNX fixture of
 * langchain4j-jina-clip, in which colour words land next to pictures of that colour and every other word next to
 * a neutral direction (see jina-clip-testing/src/main/resources/models/README.md).
 */
public final class TestCorpus {

    /** The passage about red, a colour word among others. */
    public static final String RED_TEXT = "Red apples and red roses in the garden.";

    private static final List<String> MODEL_FILES =
            List.of("tokenizer.json", "onnx/text_model.onnx", "onnx/vision_model.onnx");

    private TestCorpus() {
    }

    /**
     * Writes the corpus: images {@code images/red.png}, {@code green.png}, {@code blue.png}, {@code grey.png};
     * passages {@code texts/red.md}, {@code texts/blue.txt}, {@code texts/cats.md} and {@code texts/weather.txt}
     * (the last two without a colour word); and a {@code LICENSES.md} that is excluded.
     */
    public static Path write(Path dir) {
        try {
            Files.createDirectories(dir.resolve("images"));
            Files.createDirectories(dir.resolve("texts"));
            Files.write(dir.resolve("images/red.png"), Fixtures.solidPng(Color.RED, 40, 30));
            Files.write(dir.resolve("images/green.png"), Fixtures.solidPng(Color.GREEN, 30, 40));
            Files.write(dir.resolve("images/blue.png"), Fixtures.solidPng(Color.BLUE, 32, 32));
            Files.write(dir.resolve("images/grey.png"), Fixtures.solidPng(new Color(128, 128, 128), 36, 24));
            text(dir, "texts/red.md", "# Apples\n\n" + RED_TEXT + "\n");
            text(dir, "texts/blue.txt", "The blue sea under the blue sky.\n");
            text(dir, "texts/cats.md", "Cats sleep most of the day and purr when they are content.\n");
            text(dir, "texts/weather.txt", "The weather report for tomorrow promises a calm day.\n");
            text(dir, "LICENSES.md", "Test files, written by the tests.\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new folder for one app's model, corpus and data, under target/test-apps/. */
    public static Path appRoot(String prefix) {
        try {
            Path target = Files.createDirectories(Path.of("target", "test-apps"));
            return Files.createTempDirectory(target, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG of random pixels: it does not compress, so cutting it short cuts into its pixel data. */
    public static byte[] noiseJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return Fixtures.encode(image, "jpg");
    }

    /** A solid-colour PNG. */
    public static byte[] png(Color color) {
        return Fixtures.solidPng(color, 24, 24);
    }

    /**
     * Copies the "semantic" ONNX fixture out of langchain4j-jina-clip's test jar into {@code dir}: the engine
     * needs a real folder.
     */
    public static Path semanticModel(Path dir) {
        try {
            for (String file : MODEL_FILES) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = new ClassPathResource("models/semantic/" + file).getInputStream()) {
                    Files.copy(in, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app's default settings, on these folders. */
    public static RagProperties properties(Path corpusDir, Path dataDir) {
        return new RagProperties(corpusDir, dataDir, List.of("LICENSES.md"), true,
                new RagProperties.Passages(600, 60), 320, DataSize.ofMegabytes(8),
                new RagProperties.Search(12, 50, 60, 1.0, 1.0, -1, -1),
                new RagProperties.Chat(null, "https://api.openai.com/v1", null, Duration.ofSeconds(60), 8, true),
                new RagProperties.Pgvector("rag_embeddings", true));
    }

    static void text(Path dir, String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
    }
}
