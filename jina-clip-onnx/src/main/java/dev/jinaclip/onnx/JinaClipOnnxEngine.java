package dev.jinaclip.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.core.internal.InputResolver;
import dev.jinaclip.core.internal.ResolvedInput;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.onnx.internal.ClipTokenizer;
import dev.jinaclip.onnx.internal.ImageBatches;
import dev.jinaclip.onnx.internal.InferenceMemory;
import dev.jinaclip.onnx.internal.OrtRuntime;
import dev.jinaclip.onnx.internal.RemoteImages;
import dev.jinaclip.onnx.internal.TextBatches;
import dev.jinaclip.onnx.internal.TextTower;
import dev.jinaclip.onnx.internal.Vectors;
import dev.jinaclip.onnx.internal.VisionTower;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process backend's {@link ClipEngine}: jina-clip-v1 on ONNX Runtime, with the reference tokenizer and image
 * preprocessing. Framework-neutral and thread-safe: many threads may call one instance at once. Holds native
 * sessions: {@link #close()} it.
 *
 * <p>Texts are tokenised with the model's {@code tokenizer.json}, sorted by length and run in batches bounded by
 * {@link JinaClipOnnxConfig#maxBatchSize()} and {@link JinaClipOnnxConfig#maxBatchTokens()}. Images are decoded
 * and preprocessed in parallel, a batch ahead of inference. Vectors are L2-normalised (unless turned off) and
 * returned in input order.
 */
public final class JinaClipOnnxEngine implements ClipEngine {

    private static final Logger log = LoggerFactory.getLogger(JinaClipOnnxEngine.class);
    // how long the JVM's exit waits for calls to leave after they were told to stop
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final JinaClipOnnxConfig config;
    private final ModelFiles files;
    private final ClipTokenizer tokenizer;
    private final TextTower textTower;
    private final VisionTower visionTower;
    private final ClipImagePreprocessor preprocessor;
    private final InputResolver resolver;
    private final RemoteImages remoteImages;
    private final ImageBatches imageBatches;
    private final InferenceMemory memory;
    private final ExecutorService ownExecutor;
    // embed() holds the read lock, close() the write lock: sessions are never freed under a running call
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final OrtRuntime.Participant shutdown = new ShutdownParticipant();
    private boolean closed;
    private volatile boolean aborted;

    private JinaClipOnnxEngine(JinaClipOnnxConfig config, ModelFiles files) {
        this.config = config;
        this.files = files;
        OrtEnvironment environment = OrtRuntime.environment();
        List<AutoCloseable> opened = new ArrayList<>();
        try (OrtSession.SessionOptions options = SessionOptionsFactory.create(config)) {
            this.tokenizer = opened(opened, new ClipTokenizer(files.tokenizer(), config.maxTextTokens(),
                    config.failOnTruncation()));
            String arenas = SessionOptionsFactory.arenasToShrink(config);
            this.textTower = opened(opened, new TextTower(environment, files.textModel(), options, arenas,
                    JinaClipOnnxConfig.MODEL.dimension()));
            this.visionTower = opened(opened, new VisionTower(environment, files.visionModel(), options, arenas,
                    JinaClipOnnxConfig.MODEL.dimension(), JinaClipOnnxConfig.MODEL.imageSize()));
        } catch (OrtException e) {
            closeAll(opened);
            throw new IllegalStateException("Cannot create ONNX Runtime session options: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
        ClipImagePreprocessor.Builder preprocessor = ClipImagePreprocessor.builder();
        if (config.maxImagePixels() > 0) {
            preprocessor.maxPixels(config.maxImagePixels());
        }
        this.preprocessor = preprocessor.build();
        this.resolver = new InputResolver(config.maxImageBytes());
        this.remoteImages = config.fetchRemoteImages() ? new RemoteImages(config) : null;
        this.ownExecutor = config.imageExecutor() == null ? ImageBatches.defaultExecutor() : null;
        this.memory = new InferenceMemory(config.maxInferenceMemory());
        this.imageBatches = new ImageBatches(visionTower, this.preprocessor, remoteImages,
                config.imageExecutor() == null ? ownExecutor : config.imageExecutor(), config.maxImageBatchSize(),
                memory);
        long longestText = InferenceMemory.textBytes(1, config.maxTextTokens());
        if (longestText > memory.bound()) {
            log.warn("A text of maxTextTokens ({}) tokens needs about {} MB to embed, more than maxInferenceMemory"
                    + " ({} MB): such a text runs alone, above the bound", config.maxTextTokens(), longestText >> 20,
                    memory.bound() >> 20);
        }
        if (!OrtRuntime.register(shutdown)) {
            closeLocked();
            throw OrtRuntime.shutdownError();
        }
        log.info("jina-clip ONNX model loaded from {} (variant {}, {} intra-op threads, {})", files.directory(),
                config.variant(), config.intraOpThreads(), config.executionProvider());
    }

    /**
     * Loads the model: from {@link JinaClipOnnxConfig#modelDirectory()}, or from the Hugging Face Hub cache,
     * downloading what is missing.
     *
     * @throws IllegalArgumentException                 if a model file is missing, unreadable, or does not have
     *                                                  the jina-clip signature
     * @throws dev.jinaclip.hub.ModelDownloadException if the files are not cached and cannot be downloaded
     * @throws IllegalStateException                    if the execution provider is not available (CUDA without
     *                                                  the {@code onnxruntime_gpu} artifact)
     */
    public static JinaClipOnnxEngine load(JinaClipOnnxConfig config) {
        Objects.requireNonNull(config, "config");
        ModelFiles files = ModelLocator.locate(config);
        return OrtRuntime.creating(() -> new JinaClipOnnxEngine(config, files));
    }

    /** The settings, every default applied. */
    public JinaClipOnnxConfig config() {
        return config;
    }

    /** The files in use. */
    public ModelFiles files() {
        return files;
    }

    /** jina-clip-v1. */
    @Override
    public JinaClipModel model() {
        return JinaClipOnnxConfig.MODEL;
    }

    /** The length of the vectors: the model's, 768. */
    @Override
    public int dimension() {
        return JinaClipOnnxConfig.MODEL.dimension();
    }

    /** The image preprocessor in use. */
    public ClipImagePreprocessor imagePreprocessor() {
        return preprocessor;
    }

    /**
     * Embeds texts and images; jina-clip-v1 embeds queries and documents alike.
     *
     * @return one vector per input, in input order; usage counts the text tokens
     * @throws IllegalArgumentException naming the position of an unusable input (blank text, unreadable image
     *                                  file, a text over the token limit when truncation is off)
     * @throws JinaClipException        naming the position, for an image that does not decode
     *                                  ({@link dev.jinaclip.image.ImageDecodingException}) or cannot be fetched
     *                                  ({@link RemoteImageException}); for a failed inference run; when the JVM
     *                                  shuts down under the call
     */
    @Override
    public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
        lifecycle.readLock().lock();
        try {
            if (aborted) {
                throw new ShutdownException(null);
            }
            if (closed) {
                throw new IllegalStateException("This JinaClipOnnxEngine is closed");
            }
            return embedOpen(inputs);
        } catch (RuntimeException e) {
            // whatever a stopped run or a stopped image thread threw, the reason is the shutdown
            throw aborted && !(e instanceof ShutdownException) ? new ShutdownException(e) : e;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private ClipEmbeddings embedOpen(List<ClipInput> inputs) {
        List<ResolvedInput> resolved = resolver.resolve(inputs);
        for (ResolvedInput input : resolved) {
            if (input instanceof ResolvedInput.RemoteImage remote && remoteImages == null) {
                throw InputErrors.invalid(input.position(), "image URL " + remote.url()
                        + " would have to be downloaded, and fetchRemoteImages is off");
            }
        }
        float[][] vectors = new float[resolved.size()][];
        List<ResolvedInput> images = new ArrayList<>();
        List<ResolvedInput.Text> texts = new ArrayList<>();
        for (ResolvedInput input : resolved) {
            if (input instanceof ResolvedInput.Text text) {
                texts.add(text);
            } else {
                images.add(input);
            }
        }
        // start decoding the first images while the texts run
        ImageBatches.Run imageRun = imageBatches.start(images);
        int tokens;
        try {
            tokens = embedTexts(texts, vectors);
            imageRun.finish(vectors);
        } finally {
            imageRun.cancel();
        }
        if (config.normalized()) {
            for (float[] vector : vectors) {
                Vectors.normalize(vector);
            }
        }
        return new ClipEmbeddings(List.of(vectors), JinaClipOnnxConfig.MODEL.modelName(),
                new ClipUsage(tokens, tokens, null));
    }

    private int embedTexts(List<ResolvedInput.Text> texts, float[][] vectors) {
        long[][] ids = new long[texts.size()][];
        int[] lengths = new int[texts.size()];
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            ids[i] = tokenizer.encode(texts.get(i).text(), texts.get(i).position());
            lengths[i] = ids[i].length;
            tokens += lengths[i];
        }
        for (int[] batch : TextBatches.plan(lengths, config.maxBatchSize(), config.maxBatchTokens(),
                memory.bound())) {
            long[][] sequences = new long[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                sequences[i] = ids[batch[i]];
            }
            float[][] rows;
            try {
                // the longest text comes first in a batch and sets its padded length
                rows = memory.within(InferenceMemory.textBytes(batch.length, sequences[0].length),
                        () -> textTower.embed(sequences));
            } catch (OrtException e) {
                throw new JinaClipException(JinaClipException.Kind.INFERENCE, false,
                        "Text inference failed: " + e.getMessage(), e);
            }
            for (int i = 0; i < batch.length; i++) {
                vectors[texts.get(batch[i]).position()] = rows[i];
            }
        }
        return tokens;
    }

    /**
     * Frees the native sessions and the tokenizer, and stops the engine's own image threads; waits for calls in
     * progress. Calling it again does nothing.
     */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            closeLocked();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void closeLocked() {
        if (closed) {
            return;
        }
        closed = true;
        OrtRuntime.unregister(shutdown);
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
        if (remoteImages != null) {
            remoteImages.close();
        }
        closeAll(List.of(tokenizer, textTower, visionTower));
    }

    private static final class ShutdownException extends JinaClipException {
        private static final long serialVersionUID = 1L;

        ShutdownException(Throwable cause) {
            super(Kind.CANCELLED, false, OrtRuntime.SHUTDOWN_MESSAGE, cause);
        }
    }

    /** Stops the engine when the JVM exits, before the ONNX Runtime environment goes. */
    private final class ShutdownParticipant implements OrtRuntime.Participant {
        @Override
        public void abortForShutdown() {
            // no lifecycle lock here: a caller holding the read lock must be stopped, not waited for; the towers
            // make terminate() and close() exclusive
            // image threads keep running the decodes already queued (milliseconds each), so that no caller
            // waits for a decode that would never run; the towers refuse the batches they produce
            aborted = true;
            textTower.terminate();
            visionTower.terminate();
            if (remoteImages != null) {
                remoteImages.close();
            }
        }

        @Override
        public boolean closeForShutdown() {
            try {
                if (!lifecycle.writeLock().tryLock(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("jina-clip: calls still running {} s after shutdown began; the model is left open",
                            SHUTDOWN_WAIT_SECONDS);
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                closeLocked();
                return true;
            } finally {
                lifecycle.writeLock().unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "JinaClipOnnxEngine{" + files.directory() + ", " + config + "}";
    }

    private static <T extends AutoCloseable> T opened(List<AutoCloseable> opened, T resource) {
        opened.add(resource);
        return resource;
    }

    private static void closeAll(List<? extends AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Cannot release the model: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
