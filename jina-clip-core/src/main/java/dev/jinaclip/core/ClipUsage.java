package dev.jinaclip.core;

/**
 * Tokens counted for one embedding call, summed over the requests it took.
 *
 * @param promptTokens tokens billed for the inputs
 * @param totalTokens  all tokens billed
 * @param imageTokens  tokens billed for images, or {@code null} when the backend did not report them
 */
public record ClipUsage(int promptTokens, int totalTokens, Integer imageTokens) {

    /** The key of {@link #imageTokens()} in the adapters' response metadata, as the hosted API names it. */
    public static final String IMAGE_TOKENS = "image_tokens";

    /** No usage. */
    public static final ClipUsage NONE = new ClipUsage(0, 0, null);

    /** The sum of this usage and another; image tokens stay {@code null} only if both are {@code null}. */
    public ClipUsage plus(ClipUsage other) {
        Integer images = imageTokens == null && other.imageTokens == null
                ? null
                : (imageTokens == null ? 0 : imageTokens) + (other.imageTokens == null ? 0 : other.imageTokens);
        return new ClipUsage(promptTokens + other.promptTokens, totalTokens + other.totalTokens, images);
    }
}
