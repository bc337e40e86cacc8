package dev.jinaclip.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Tokens counted for one embedding call, summed over the requests it took.
 *
 * @param promptTokens     tokens billed for the inputs
 * @param totalTokens      all tokens billed
 * @param imageTokens      tokens billed for images, or {@code null} when the backend did not report them
 * @param imageTokensSaved image tokens that the hosted backend's image token saver kept off the bill, by the
 *                         published tile rule (the original's tiles less the one tile uploaded), or {@code null}
 *                         when the saver is off
 */
public record ClipUsage(int promptTokens, int totalTokens, Integer imageTokens, Integer imageTokensSaved) {

    /** The key of {@link #imageTokens()} in the adapters' response metadata, as the hosted API names it. */
    public static final String IMAGE_TOKENS = "image_tokens";

    /** The key of {@link #imageTokensSaved()} in the adapters' response metadata. */
    public static final String IMAGE_TOKENS_SAVED = "image_tokens_saved";

    /** No usage. */
    public static final ClipUsage NONE = new ClipUsage(0, 0, null, null);

    /** Usage without a saver's figure. */
    public ClipUsage(int promptTokens, int totalTokens, Integer imageTokens) {
        this(promptTokens, totalTokens, imageTokens, null);
    }

    /** This usage with {@code imageTokensSaved} in place of its own. */
    public ClipUsage withImageTokensSaved(Integer imageTokensSaved) {
        return new ClipUsage(promptTokens, totalTokens, imageTokens, imageTokensSaved);
    }

    /** The sum of this usage and another; an optional count stays {@code null} only if both are {@code null}. */
    public ClipUsage plus(ClipUsage other) {
        return new ClipUsage(promptTokens + other.promptTokens, totalTokens + other.totalTokens,
                sum(imageTokens, other.imageTokens), sum(imageTokensSaved, other.imageTokensSaved));
    }

    /**
     * The adapters' extra response metadata: {@link #IMAGE_TOKENS} and {@link #IMAGE_TOKENS_SAVED}, each where it
     * is not {@code null}.
     */
    public Map<String, Object> metadata() {
        return metadata(imageTokens, imageTokensSaved);
    }

    /** The metadata of {@link #metadata()} for these counts. */
    public static Map<String, Object> metadata(Integer imageTokens, Integer imageTokensSaved) {
        Map<String, Object> metadata = new HashMap<>();
        if (imageTokens != null) {
            metadata.put(IMAGE_TOKENS, imageTokens);
        }
        if (imageTokensSaved != null) {
            metadata.put(IMAGE_TOKENS_SAVED, imageTokensSaved);
        }
        return Map.copyOf(metadata);
    }

    private static Integer sum(Integer a, Integer b) {
        return a == null && b == null ? null : (a == null ? 0 : a) + (b == null ? 0 : b);
    }
}
