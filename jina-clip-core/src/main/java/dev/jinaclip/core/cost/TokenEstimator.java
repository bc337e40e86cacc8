package dev.jinaclip.core.cost;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.internal.ImageUrls;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.core.internal.InputResolver;
import dev.jinaclip.core.internal.ResolvedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Estimates what inputs cost on the hosted Jina API before they are sent: texts by their tokens, images by the
 * tiles that cover them ({@link ImageTiles}). Images are measured from their headers alone, never decoded, so a
 * whole corpus is priced in the time it takes to open its files. Immutable and thread-safe when its text counter
 * is.
 *
 * <pre>{@code
 * TokenEstimator estimator = TokenEstimator.of(JinaClipModel.JINA_CLIP_V1);
 * TokenEstimate estimate = estimator.estimate(List.of(ClipInput.text("a photo of a cat"),
 *         ClipInput.imageFile(Path.of("cat.jpg"))));
 * estimate.tokens(); // texts by the rule of thumb, images by tiles
 * }</pre>
 *
 * <p>The image figures are third-party and partly assumed (see {@code docs/cost.md}); the hosted API's
 * {@code usage} in its response is what is billed.
 */
public final class TokenEstimator {

    // no size limit: pricing an image is no reason to refuse it, whatever a backend accepts
    private static final InputResolver RESOLVER = new InputResolver(Long.MAX_VALUE);

    private final JinaClipModel model;
    private final TextTokenCounter textCounter;

    private TokenEstimator(JinaClipModel model, TextTokenCounter textCounter) {
        this.model = Objects.requireNonNull(model, "model");
        this.textCounter = Objects.requireNonNull(textCounter, "textCounter");
    }

    /** An estimator for {@code model} that counts texts by {@link TextTokenCounter#ruleOfThumb()}. */
    public static TokenEstimator of(JinaClipModel model) {
        return new TokenEstimator(model, TextTokenCounter.ruleOfThumb());
    }

    /** An estimator for {@code model} that counts texts with {@code textCounter}, the model's tokenizer say. */
    public static TokenEstimator of(JinaClipModel model, TextTokenCounter textCounter) {
        return new TokenEstimator(model, textCounter);
    }

    /** The model priced. */
    public JinaClipModel model() {
        return model;
    }

    /** How texts are counted. */
    public TextTokenCounter textCounter() {
        return textCounter;
    }

    /**
     * The tokens of each input, as the backends accept them: texts, image files, bytes, base64, and {@code file:}
     * and {@code data:} URLs. An {@code http(s)} image URL is refused: fetch it and pass its bytes.
     *
     * @throws IllegalArgumentException naming the position (and the input) of the first input that is unusable
     *                                  or whose image header cannot be read
     */
    public TokenEstimate estimate(List<ClipInput> inputs) {
        List<ResolvedInput> resolved = RESOLVER.resolve(inputs);
        List<InputTokens> counted = new ArrayList<>(resolved.size());
        for (ResolvedInput input : resolved) {
            counted.add(count(input, inputs.get(input.position())));
        }
        return new TokenEstimate(model, textCounter.exact(), counted);
    }

    /** The tokens of one text. */
    public long textTokens(String text) {
        return textCounter.count(Objects.requireNonNull(text, "text"));
    }

    /**
     * The tiles of an image file, from its header.
     *
     * @throws IllegalArgumentException naming the file, if it cannot be read or no reader knows its header
     */
    public ImageTiles imageTiles(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return tiles(Optional.of(file), null);
        } catch (ImageHeader.UnreadableHeaderException e) {
            throw new IllegalArgumentException("Image file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tiles of an encoded image (JPEG, PNG, ...: a file's content, or the body of a fetched URL), from its
     * header.
     *
     * @throws IllegalArgumentException if no reader knows its header
     */
    public ImageTiles imageTiles(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        try {
            return tiles(Optional.empty(), encoded);
        } catch (ImageHeader.UnreadableHeaderException e) {
            throw new IllegalArgumentException("Image of " + encoded.length + " bytes: " + e.getMessage(), e);
        }
    }

    private InputTokens count(ResolvedInput input, ClipInput original) {
        if (input instanceof ResolvedInput.Text text) {
            return new InputTokens(input.position(), textCounter.count(text.text()), null);
        }
        if (input instanceof ResolvedInput.RemoteImage remote) {
            throw InputErrors.invalid(input.position(), "image URL " + ImageUrls.redacted(remote.url())
                    + " is not fetched here:"
                    + " fetch it and estimate its bytes (ClipInput.imageBytes)");
        }
        ResolvedInput.ImageData image = (ResolvedInput.ImageData) input;
        try {
            ImageTiles tiles = tiles(image.file(), image.file().isPresent() ? null : image.bytes());
            return new InputTokens(input.position(), tiles.tokens(), tiles);
        } catch (ImageHeader.UnreadableHeaderException e) {
            throw InputErrors.invalid(input.position(), original.describe() + ": " + e.getMessage(), e);
        }
    }

    private ImageTiles tiles(Optional<Path> file, byte[] encoded) throws ImageHeader.UnreadableHeaderException {
        try (ImageInputStream in = file.isPresent() ? open(file.get())
                : new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            ImageHeader header = ImageHeader.read(in);
            return new ImageTiles(model, header.width(), header.height());
        } catch (IOException e) {
            throw new ImageHeader.UnreadableHeaderException("it cannot be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")", e);
        }
    }

    /** The file, read as far as its header goes. */
    private static ImageInputStream open(Path file) throws IOException {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return new FileImageInputStream(file.toFile());
        }
        // a zip or in-memory file system has no java.io.File
        InputStream stream = Files.newInputStream(file);
        return new MemoryCacheImageInputStream(stream) {
            @Override
            public void close() throws IOException {
                try (stream) {
                    super.close();
                }
            }
        };
    }

    @Override
    public String toString() {
        return "TokenEstimator[" + model + ", texts by " + textCounter + "]";
    }
}
