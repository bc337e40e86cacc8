package dev.jinaclip.benchmarks;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Deterministic benchmark inputs: English-like texts and photo-like JPEGs, the same for a given seed. */
final class BenchInputs {

    static final float JPEG_QUALITY = 0.9f;

    // common words, each one token of the BERT-uncased vocabulary, so that token counts stay close to word counts
    private static final String[] WORDS = {"the", "red", "bicycle", "stands", "near", "a", "green", "door", "in",
            "old", "town", "where", "people", "walk", "slowly", "under", "blue", "sky", "and", "warm", "light",
            "river", "bridge", "market", "morning", "children", "play", "with", "small", "dog", "on", "grass",
            "train", "leaves", "station", "after", "rain", "woman", "reads", "book", "cafe", "window", "street",
            "music", "evening", "house", "garden", "tree", "flowers", "bright", "yellow", "mountain", "snow",
            "lake", "boat", "fish", "water", "city", "night", "lights", "car", "road", "long", "quiet", "man",
            "coffee", "table", "chair", "picture", "wall", "photo", "camera", "shows", "two", "three", "cats",
            "sleeping", "beside", "fire", "winter", "summer", "beach", "sand", "sea", "waves", "birds", "fly",
            "over", "field", "farm", "horse", "white", "black", "large", "building", "glass", "tower"};

    private BenchInputs() {
    }

    /** A sentence of exactly {@code words} words and a full stop. */
    static String sentence(int words, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        appendSentence(text, words, random);
        return text.toString();
    }

    /** {@code count} sentences of {@code words} words, seeds {@code seed}, {@code seed + 1}, ... */
    static List<String> sentences(int count, int words, long seed) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(sentence(words, seed + i));
        }
        return texts;
    }

    /**
     * A text of sentences that the tokenizer turns into exactly {@code tokens} tokens, special tokens included.
     *
     * @param tokenCount the tokenizer's count for a text, untruncated
     */
    static String textOfTokens(int tokens, long seed, ToIntFunction<String> tokenCount) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        // whole sentences while far below the target, then single words: each word and "." is one token
        while (tokens - tokenCount.applyAsInt(text.toString()) > 24) {
            appendSentence(text, 8 + random.nextInt(12), random);
        }
        int count;
        while ((count = tokenCount.applyAsInt(text.toString())) < tokens) {
            text.append(text.length() == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (count != tokens) {
            throw new IllegalStateException("Made a text of " + count + " tokens instead of " + tokens);
        }
        return text.toString();
    }

    /**
     * A JPEG of the given size like a photo: smooth colour gradients, soft bright spots and sensor-like noise,
     * at quality {@value #JPEG_QUALITY}.
     */
    static byte[] photoJpeg(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(seed);
        double spotX = width * random.nextDouble();
        double spotY = height * random.nextDouble();
        double spotRadius = Math.max(width, height) * (0.1 + 0.3 * random.nextDouble());
        int tint = random.nextInt(64);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = (x - spotX) / spotRadius;
                double dy = (y - spotY) / spotRadius;
                int spot = (int) (96 * Math.exp(-(dx * dx + dy * dy)));
                int r = clamp(x * 200 / width + spot + random.nextInt(17) - 8);
                int g = clamp(y * 200 / height + spot / 2 + tint + random.nextInt(17) - 8);
                int b = clamp((x + y) * 160 / (width + height) + 40 + random.nextInt(17) - 8);
                pixels[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return jpeg(image);
    }

    /** {@code count} photo-like JPEGs of one size, seeds {@code seed}, {@code seed + 1}, ... */
    static List<byte[]> photoJpegs(int count, int width, int height, long seed) {
        List<byte[]> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(photoJpeg(width, height, seed + i));
        }
        return images;
    }

    private static void appendSentence(StringBuilder text, int words, Random random) {
        for (int i = 0; i < words; i++) {
            text.append(text.length() == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        text.append('.');
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
