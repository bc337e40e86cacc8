package dev.jinaclip.core.cost;

/**
 * The tokens of one input.
 *
 * @param position its position in the list estimated, from 0
 * @param tokens   the tokens the hosted API bills for it
 * @param tiles    an image's tiles; {@code null} for a text
 */
public record InputTokens(int position, long tokens, ImageTiles tiles) {

    /** Whether the input is an image. */
    public boolean isImage() {
        return tiles != null;
    }
}
