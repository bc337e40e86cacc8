package dev.jinaclip.rag.ingest;

import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.image.ImageDecodingException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The JPEG thumbnails of indexed images, in {@code <data-dir>/thumbnails/<sha256>.jpg}: what the page shows, and
 * what goes to a chat model that sees pictures. Decoding uses ImageIO with the TwelveMonkeys plugins that
 * langchain4j-jina-clip brings (JPEG incl. CMYK, WebP); GIFs give their first frame. Nothing is decoded before the
 * image's header passes the embedding model's image checks ({@link ClipImagePreprocessor#declaredSize}): a small
 * file that declares a huge picture is refused at once.
 */
public final class Thumbnails {

    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.jpg");

    private final Path dir;
    private final int size;
    private final ClipImagePreprocessor imageChecks;

    /**
     * @param dataDir the app's data folder
     * @param size the longer side of a thumbnail, in pixels
     * @param imageChecks the embedding model's image pipeline, whose header checks (supported format, pixel limit)
     *     an image passes before it is decoded here
     */
    public Thumbnails(Path dataDir, int size, ClipImagePreprocessor imageChecks) {
        this.dir = dataDir.resolve("thumbnails");
        this.size = size;
        this.imageChecks = imageChecks;
    }

    /**
     * Checks an image's header against the model's limits, without decoding it.
     *
     * @throws ImageDecodingException naming the size and the limit ({@code ImageTooLargeException}), or why the
     *     header cannot be read
     */
    void check(byte[] image) {
        imageChecks.declaredSize(image);
    }

    /**
     * Writes the thumbnail of an image, unless it exists.
     *
     * @return the thumbnail's file name
     * @throws ImageDecodingException  if the image fails {@link #check}
     * @throws IllegalArgumentException if it does not decode
     */
    String write(byte[] image, String sha256) {
        String name = sha256 + ".jpg";
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            return name;
        }
        check(image);
        try {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
            if (decoded == null) {
                throw new IllegalArgumentException("it is not an image that can be decoded (JPEG, PNG, WebP, GIF)");
            }
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, sha256, ".tmp");
            try {
                ImageIO.write(scale(decoded), "jpg", temporary.toFile());
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return name;
        } catch (IOException e) {
            throw new IllegalArgumentException("it does not decode as an image: " + e.getMessage(), e);
        }
    }

    /**
     * The thumbnail's bytes, if the name is a thumbnail's and it is a file of the thumbnail folder (not a link
     * out of it).
     */
    public Optional<byte[]> read(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            Path file = dir.resolve(name).toRealPath();
            if (!file.startsWith(dir.toRealPath()) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // also when the folder is missing: nothing indexed yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a thumbnail that no indexed image uses any more. */
    void delete(String name) {
        if (NAME.matcher(name).matches()) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private BufferedImage scale(BufferedImage image) {
        double factor = Math.min(1.0, (double) size / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent pixels become white, as JPEG has no alpha
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return thumbnail;
    }
}
