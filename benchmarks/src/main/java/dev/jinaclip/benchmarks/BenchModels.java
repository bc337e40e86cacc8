package dev.jinaclip.benchmarks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Inputs of the benchmarks: the full-size random-weight models, and photo-like test images. */
final class BenchModels {

    private BenchModels() {
    }

    /**
     * A model folder laid out like the Hugging Face repo, linking to the bench models (made by
     * {@code shared/bench-models/make_bench_models.py}) and to the BERT-uncased tokenizer of the test fixtures.
     */
    static Path modelFolder() throws IOException {
        Path models = Path.of(System.getenv().getOrDefault("JINA_CLIP_BENCH_MODELS", "/tmp/bench-models"));
        for (String file : new String[] {"text_model.onnx", "vision_model.onnx"}) {
            if (!Files.isRegularFile(models.resolve(file))) {
                throw new IllegalStateException(models.resolve(file) + " is missing: run /usr/bin/python3 "
                        + "shared/bench-models/make_bench_models.py --out " + models + " (see docs/benchmarks.md)");
            }
        }
        Path folder = Files.createTempDirectory("jina-clip-bench");
        Files.createDirectories(folder.resolve("onnx"));
        Files.createSymbolicLink(folder.resolve("onnx/text_model.onnx"), models.resolve("text_model.onnx"));
        Files.createSymbolicLink(folder.resolve("onnx/vision_model.onnx"), models.resolve("vision_model.onnx"));
        Files.copy(repoRoot().resolve("langchain4j-jina-clip/src/test/resources/models/tiny/tokenizer.json"),
                folder.resolve("tokenizer.json"));
        return folder;
    }

    /** A JPEG of the given size with smooth gradients and noise, like a photo, at quality 0.9. */
    static byte[] photoJpeg(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(16)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(16)) & 0xFF;
                int b = ((x + y) * 127 / (width + height) + random.nextInt(16)) & 0xFF;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A text of about {@code words} words. */
    static String text(int words, long seed) {
        String[] vocabulary = {"the", "red", "bicycle", "stands", "near", "a", "green", "door", "in", "old", "town",
                "where", "people", "walk", "slowly", "under", "blue", "sky", "and", "warm", "light"};
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return text.toString();
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("langchain4j-jina-clip"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the benchmarks from inside the jina-clip-java checkout");
    }
}
