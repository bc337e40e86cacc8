package dev.jinaclip.core.cost;

import dev.jinaclip.core.JinaClipModel;
import java.util.Objects;

/**
 * The tiles that the hosted API bills an image by: squares of {@link JinaClipModel#imageTileSize()} covering the
 * image, each side rounded up, at {@link JinaClipModel#tokensPerImageTile()} each. For jina-clip-v1 a 750×500
 * image is 4 × 3 = 12 tiles, 12,000 tokens.
 *
 * @param model  the model whose tiles these are
 * @param width  the image's width in pixels, as its header gives it
 * @param height the image's height in pixels
 */
public record ImageTiles(JinaClipModel model, int width, int height) {

    /** @throws IllegalArgumentException if a side is not positive */
    public ImageTiles {
        Objects.requireNonNull(model, "model");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("An image has positive sides, not " + width + "×" + height);
        }
    }

    /** Tiles across. */
    public int columns() {
        return ceilDiv(width, model.imageTileSize());
    }

    /** Tiles down. */
    public int rows() {
        return ceilDiv(height, model.imageTileSize());
    }

    /** Tiles in all. */
    public long count() {
        return (long) columns() * rows();
    }

    /** The tokens billed for the image. */
    public long tokens() {
        return count() * model.tokensPerImageTile();
    }

    private static int ceilDiv(int value, int divisor) {
        return (int) ((value + (long) divisor - 1) / divisor);
    }

    @Override
    public String toString() {
        return width + "×" + height + " px: " + columns() + " × " + rows() + " tiles of " + model.imageTileSize()
                + " px, " + tokens() + " tokens";
    }
}
