package dev.jinaclip.onnx.internal;

import dev.jinaclip.core.JinaClipException;
import java.util.concurrent.Semaphore;

/**
 * What inference costs in memory, and the bound that all of an engine's runs share: a run takes its estimated bytes
 * from the budget before it starts and gives them back when it ends, so no mix of inputs or concurrent callers
 * holds more than the bound at once. A run that alone costs more than the bound takes the whole budget, and so
 * runs alone.
 *
 * <p>The estimates are of the memory ONNX Runtime allocates while a batch runs, beyond the weights, measured on
 * the full-size models (see docs/benchmarks.md). The text graph materialises, per layer, the attention scores, the
 * ALiBi bias (built once for the run, {@code [rows, heads, length, length]}) and the softmax: about 3.5 float32
 * tensors of rows × 12 heads × length² at once, plus activations of about 48 KiB per token. The vision tower
 * needs about 10 MB per image (197 tokens).
 */
public final class InferenceMemory {

    static final int TEXT_HEADS = 12;
    /** Attention-sized float32 tensors alive at once in a text layer (scores, bias, softmax; measured 3.4–3.8). */
    static final double TEXT_ATTENTION_TENSORS = 3.75;
    static final long TEXT_BYTES_PER_TOKEN = 48L << 10;
    static final long IMAGE_BYTES = 12L << 20;
    private static final int UNIT = 1 << 20; // the budget counts MiB

    private final long bound;
    private final Semaphore budget;

    /** @param bound the most bytes all runs together may hold */
    public InferenceMemory(long bound) {
        this.bound = bound;
        this.budget = new Semaphore(units(bound), true);
    }

    /** The estimated bytes of one text batch of {@code rows} texts padded to {@code length} tokens. */
    public static long textBytes(int rows, int length) {
        double attention = (double) rows * TEXT_HEADS * length * length * Float.BYTES * TEXT_ATTENTION_TENSORS;
        return (long) attention + (long) rows * length * TEXT_BYTES_PER_TOKEN;
    }

    /** The estimated bytes of one image batch of {@code rows} images. */
    public static long imageBytes(int rows) {
        return rows * IMAGE_BYTES;
    }

    /** The bound, in bytes. */
    public long bound() {
        return bound;
    }

    /**
     * Runs {@code run} once its bytes are free in the budget.
     *
     * @throws JinaClipException of kind {@code CANCELLED} if the thread is interrupted while it waits
     */
    public <T, E extends Exception> T within(long bytes, Run<T, E> run) throws E {
        int units = Math.min(units(bytes), units(bound));
        try {
            budget.acquire(units);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JinaClipException(JinaClipException.Kind.CANCELLED, false,
                    "Interrupted while waiting for inference memory", e);
        }
        try {
            return run.run();
        } finally {
            budget.release(units);
        }
    }

    /** Work that holds inference memory. */
    @FunctionalInterface
    public interface Run<T, E extends Exception> {
        T run() throws E;
    }

    private static int units(long bytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytes + UNIT - 1) / UNIT));
    }
}
