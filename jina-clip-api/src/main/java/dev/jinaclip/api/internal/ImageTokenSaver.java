package dev.jinaclip.api.internal;

import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.cost.ImageTiles;
import dev.jinaclip.core.internal.ResolvedInput;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.image.ImageDecodingException;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image token saver: brings each image of a batch that the API would bill as more than one tile to what the
 * model sees, the local backend's resize and centre crop to {@link JinaClipModel#imageSize()} square, as PNG.
 * Remote images (the API fetches them) and images the pipeline cannot read go as given, so the saver never
 * changes which inputs the API accepts. Loaded only when the saver is on: it needs {@code jina-clip-image}.
 */
public final class ImageTokenSaver {

    private static final Logger log = LoggerFactory.getLogger(ImageTokenSaver.class);
    /** PNG's signature, IHDR, IDAT and IEND chunks, and zlib's framing, with room to spare. */
    private static final long PNG_OVERHEAD_BYTES = 1024;

    private final JinaClipModel model;
    private final ClipImagePreprocessor preprocessor;
    private final long maxUploadBytes;

    public ImageTokenSaver(JinaClipModel model) {
        this.model = model;
        this.preprocessor = ClipImagePreprocessor.builder().imageSize(model.imageSize()).build();
        // an RGB PNG stored without compression: a filter byte per row, deflate's stored blocks (5 bytes in 65535)
        long raw = (long) model.imageSize() * (3L * model.imageSize() + 1);
        this.maxUploadBytes = raw + raw / 65535 * 5 + PNG_OVERHEAD_BYTES;
    }

    /** The image data {@code input} uploads at most once saved: for splitting inputs into requests. */
    public long uploadBytes(ResolvedInput input) {
        return input instanceof ResolvedInput.ImageData ? Math.max(input.imageBytes(), maxUploadBytes) : 0;
    }

    /** A batch as it is uploaded, and what the saver kept off the bill. */
    public record Saved(List<ResolvedInput> batch, int imageTokensSaved) {
    }

    /** {@code batch} with each multi-tile image replaced by its model input, as PNG. */
    public Saved apply(List<ResolvedInput> batch) {
        List<ResolvedInput> uploaded = new ArrayList<>(batch.size());
        int images = 0;
        int replaced = 0;
        int tokensSaved = 0;
        for (ResolvedInput input : batch) {
            if (!(input instanceof ResolvedInput.ImageData image)) {
                uploaded.add(input);
                continue;
            }
            images++;
            byte[] bytes = image.bytes();
            int tiles = tiles(image.position(), bytes);
            byte[] png = tiles > 1 ? modelInput(image.position(), bytes) : null;
            if (png == null) {
                // as given; a file is not read twice
                uploaded.add(ResolvedInput.imageData(image.position(), bytes));
                continue;
            }
            uploaded.add(ResolvedInput.imageData(image.position(), png));
            replaced++;
            tokensSaved = Math.addExact(tokensSaved, Math.multiplyExact(tiles - 1, model.tokensPerImageTile()));
        }
        if (images > 0) {
            log.debug("Image token saver, inputs {}..{}: {} of {} images sent as {}x{} PNG, {} image tokens saved",
                    batch.get(0).position(), batch.get(batch.size() - 1).position(), replaced, images,
                    model.imageSize(), model.imageSize(), tokensSaved);
        }
        return new Saved(uploaded, tokensSaved);
    }

    /** The tiles the API bills for the image, from its header; 0 when the pipeline cannot read it. */
    private int tiles(int position, byte[] bytes) {
        Dimension size;
        try {
            size = preprocessor.declaredSize(bytes);
        } catch (ImageDecodingException e) {
            log.debug("Input {}: sent as given, the image token saver cannot read it: {}", position, e.getMessage());
            return 0;
        }
        return Math.toIntExact(new ImageTiles(model, size.width, size.height).count());
    }

    private byte[] modelInput(int position, byte[] bytes) {
        try {
            return preprocessor.cropPng(bytes);
        } catch (ImageDecodingException e) {
            log.debug("Input {}: sent as given, the image token saver cannot decode it: {}", position, e.getMessage());
            return null;
        }
    }
}
