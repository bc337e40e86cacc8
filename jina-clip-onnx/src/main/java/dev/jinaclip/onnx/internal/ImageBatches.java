package dev.jinaclip.onnx.internal;

import ai.onnxruntime.OrtException;
import dev.jinaclip.core.JinaClipException.Kind;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.internal.DaemonThreads;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.core.internal.ResolvedInput;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.image.ImageDecodingException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs images through the vision tower in batches, decoding and preprocessing each batch's images in parallel
 * while the batch before it is inferred. At most two batches of pixel values are held at once. Remote images are
 * downloaded by {@link RemoteImages} on its own threads; the executor only decodes, an image as soon as its bytes
 * are there.
 */
public final class ImageBatches {

    private final VisionTower tower;
    private final ClipImagePreprocessor preprocessor;
    private final RemoteImages remoteImages;
    private final Executor executor;
    private final int maxBatchSize;
    private final InferenceMemory memory;
    private final PixelBuffers buffers;

    public ImageBatches(VisionTower tower, ClipImagePreprocessor preprocessor, RemoteImages remoteImages,
                        Executor executor, int maxBatchSize, InferenceMemory memory) {
        this.tower = tower;
        this.preprocessor = preprocessor;
        this.remoteImages = remoteImages;
        this.executor = executor;
        this.maxBatchSize = maxBatchSize;
        this.memory = memory;
        this.buffers = new PixelBuffers(maxBatchSize * tower.valuesPerImage());
    }

    /** A pool of daemon threads, one per processor, that expire when idle. */
    public static ExecutorService defaultExecutor() {
        int threads = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("jina-clip-image-"));
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
                    rows = memory.within(InferenceMemory.imageBytes(current.size),
                            () -> tower.embed(current.pixels, current.size));
                } catch (OrtException e) {
                    throw new JinaClipException(Kind.INFERENCE, false, "Image inference failed: " + e.getMessage(), e);
                }
                // nothing writes to it any more (its images are done) and nothing reads it (inference is done)
                buffers.give(current.pixels);
                for (int i = 0; i < current.size; i++) {
                    vectors[images.get(current.from + i).position()] = rows[i];
                }
            }
        }

        /** Stops the downloads and the preprocessing that have not finished yet (after a failure). */
        public void cancel() {
            if (next != null) {
                next.cancel();
            }
        }
    }

    private final class Batch {
        final int from;
        final int size;
        final FloatBuffer pixels;
        final List<CompletableFuture<byte[]>> downloads = new ArrayList<>();
        final List<CompletableFuture<Void>> tasks = new ArrayList<>();

        Batch(List<ResolvedInput> images, int from) {
            this.from = from;
            this.size = Math.min(maxBatchSize, images.size() - from);
            int stride = tower.valuesPerImage();
            this.pixels = buffers.take();
            for (int i = 0; i < size; i++) {
                ResolvedInput image = images.get(from + i);
                int offset = i * stride;
                if (image instanceof ResolvedInput.RemoteImage remote) {
                    CompletableFuture<byte[]> download = remoteImages.fetch(remote.url(), image.position());
                    downloads.add(download);
                    tasks.add(download.thenAcceptAsync(bytes -> preprocess(image, bytes, offset), executor));
                } else {
                    ResolvedInput.ImageData data = (ResolvedInput.ImageData) image;
                    tasks.add(CompletableFuture.runAsync(() -> preprocess(image, bytesOf(data), offset), executor));
                }
            }
        }

        /**
         * Waits until every image of the batch is preprocessed, or one has failed: then the others are cancelled, and
         * of the failures so far the one with the lowest input position is thrown.
         */
        void awaitPixels() {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).thenRun(() -> done.complete(null));
            tasks.forEach(task -> task.exceptionally(error -> {
                done.completeExceptionally(error);
                return null;
            }));
            try {
                done.join();
            } catch (CompletionException e) {
                RuntimeException failure = firstFailure(e);
                cancel();
                throw failure;
            }
        }

        void cancel() {
            downloads.forEach(download -> download.cancel(false));
            tasks.forEach(task -> task.cancel(false));
        }

        private RuntimeException firstFailure(CompletionException first) {
            CompletionException failure = first;
            for (CompletableFuture<Void> task : tasks) {
                if (task.isCompletedExceptionally() && !task.isCancelled()) {
                    try {
                        task.join();
                    } catch (CompletionException e) {
                        failure = e;
                        break;
                    }
                }
            }
            return failure.getCause() instanceof RuntimeException cause ? cause : failure;
        }

        private void preprocess(ResolvedInput image, byte[] bytes, int offset) {
            try {
                preprocessor.writePixelValues(bytes, pixels, offset);
            } catch (ImageDecodingException e) {
                throw new ImageDecodingException(InputErrors.message(image.position(), e.getMessage()), e);
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
