package dev.jinaclip.onnx.internal;

import ai.onnxruntime.OrtException;
import dev.jinaclip.core.internal.ResolvedInput;
import dev.jinaclip.image.ClipImagePreprocessor;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs images through the vision tower in batches, decoding and preprocessing each batch's images in parallel
 * while the batch before it is inferred. At most two batches of pixel values are held at once.
 */
public final class ImageBatches {

    private final VisionTower tower;
    private final ClipImagePreprocessor preprocessor;
    private final RemoteImages remoteImages;
    private final Executor executor;
    private final int maxBatchSize;

    public ImageBatches(VisionTower tower, ClipImagePreprocessor preprocessor, RemoteImages remoteImages,
                        Executor executor, int maxBatchSize) {
        this.tower = tower;
        this.preprocessor = preprocessor;
        this.remoteImages = remoteImages;
        this.executor = executor;
        this.maxBatchSize = maxBatchSize;
    }

    /** A pool of daemon threads, one per processor, that expire when idle. */
    public static ExecutorService defaultExecutor() {
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "jina-clip-image-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Starts preprocessing the first batch of {@code images} and returns the run that infers them all. */
    public Run start(List<ResolvedInput> images) {
        return new Run(images);
    }

    /** One call's images, batch by batch. */
    public final class Run {
        private final List<ResolvedInput> images;
        private Batch next;

        private Run(List<ResolvedInput> images) {
            this.images = images;
            this.next = images.isEmpty() ? null : new Batch(images, 0);
        }

        /** Infers every batch and puts each image's raw vector at its position in {@code vectors}. */
        public void finish(float[][] vectors) {
            while (next != null) {
                Batch current = next;
                current.awaitPixels();
                int end = current.from + current.size;
                next = end < images.size() ? new Batch(images, end) : null;
                float[][] rows;
                try {
                    rows = tower.embed(current.pixels, current.size);
                } catch (OrtException e) {
                    throw new IllegalStateException("Image inference failed: " + e.getMessage(), e);
                }
                for (int i = 0; i < current.size; i++) {
                    vectors[images.get(current.from + i).position()] = rows[i];
                }
            }
        }

        /** Stops preprocessing that has not started yet (after a failure). */
        public void cancel() {
            if (next != null) {
                next.tasks.forEach(task -> task.cancel(false));
            }
        }
    }

    private final class Batch {
        final int from;
        final int size;
        final float[] pixels;
        final List<CompletableFuture<Void>> tasks = new ArrayList<>();

        Batch(List<ResolvedInput> images, int from) {
            this.from = from;
            this.size = Math.min(maxBatchSize, images.size() - from);
            int stride = tower.valuesPerImage();
            this.pixels = new float[size * stride];
            for (int i = 0; i < size; i++) {
                ResolvedInput image = images.get(from + i);
                int offset = i * stride;
                tasks.add(CompletableFuture.runAsync(() -> preprocess(image, offset), executor));
            }
        }

        void awaitPixels() {
            // report the first failure by input position, whatever finished first
            for (CompletableFuture<Void> task : tasks) {
                try {
                    task.join();
                } catch (CompletionException e) {
                    tasks.forEach(t -> t.cancel(false));
                    throw e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }

        private void preprocess(ResolvedInput image, int offset) {
            byte[] bytes = image instanceof ResolvedInput.RemoteImage remote
                    ? remoteImages.fetch(remote.url(), image.position())
                    : bytesOf((ResolvedInput.ImageData) image);
            try {
                preprocessor.writePixelValues(bytes, pixels, offset);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Input " + image.position() + ": " + e.getMessage(), e);
            }
        }

        private byte[] bytesOf(ResolvedInput.ImageData image) {
            try {
                return image.bytes();
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException(e.getMessage(), e.getCause());
            }
        }
    }
}
