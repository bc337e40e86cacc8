package dev.jinaclip.onnx.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The direct buffers that image batches are preprocessed into and that ONNX Runtime reads in place: each large
 * enough for a full batch, kept for reuse, so that inference copies no pixel values and direct memory (freed only
 * when the garbage collector gets to a buffer) does not pile up. A call holds at most two (the batch being
 * inferred and the next one); a few are kept for concurrent calls, more are made when needed and dropped after.
 */
final class PixelBuffers {

    private static final int KEPT = 4;

    private final int floats;
    private final ArrayBlockingQueue<FloatBuffer> free = new ArrayBlockingQueue<>(KEPT);

    /** @param floats the values of a full batch */
    PixelBuffers(int floats) {
        this.floats = floats;
    }

    /** A buffer for one batch; its contents are whatever the last batch left. */
    FloatBuffer take() {
        FloatBuffer buffer = free.poll();
        return buffer != null ? buffer
                : ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Gives back a buffer that nothing writes to or reads from any more. */
    void give(FloatBuffer buffer) {
        free.offer(buffer);
    }
}
