package dev.jinaclip.langchain4j;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.jinaclip.hub.HuggingFaceHub;
import dev.jinaclip.langchain4j.internal.ContentMapper;
import dev.jinaclip.onnx.ExecutionProvider;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.onnx.OnnxVariant;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * jina-clip-v1 text and image embeddings computed in-process with ONNX Runtime: no network at embedding time
 * (except for images given by {@code http(s)} URL), 768-dimensional, L2-normalised vectors computed with the
 * reference tokenizer and image preprocessing.
 *
 * <p>A drop-in replacement for {@link JinaClipApiEmbeddingModel}: both implement {@link MultimodalEmbeddingModel},
 * take the same inputs (texts; images by URL, file or base64) and return vectors in input order. The model
 * files come from a local folder ({@link Builder#modelDirectory(Path)}) or are downloaded once from the Hugging
 * Face Hub into the cache Python shares. Loading happens in {@link Builder#build()}. Thread-safe; share one
 * instance, and {@link #close()} it to free the native sessions.
 *
 * <pre>{@code
 * try (var model = JinaClipOnnxEmbeddingModel.builder().build()) { // downloads jinaai/jina-clip-v1 once
 *     Embedding text = model.embed("a red bicycle").content();
 *     Embedding image = model.embed(Image.builder().url(Path.of("bike.jpg").toUri()).build()).content();
 * }
 * }</pre>
 */
public class JinaClipOnnxEmbeddingModel implements MultimodalEmbeddingModel, AutoCloseable {

    private final JinaClipOnnxEngine engine;
    private final List<EmbeddingModelListener> listeners;

    protected JinaClipOnnxEmbeddingModel(Builder builder) {
        this.engine = JinaClipOnnxEngine.load(builder.config.build());
        this.listeners = List.copyOf(builder.listeners);
    }

    /** A builder; with no settings it downloads {@code jinaai/jina-clip-v1} (fp32) on first use. */
    public static Builder builder() {
        return new Builder();
    }

    /** The engine, for its files and settings. */
    public JinaClipOnnxEngine engine() {
        return engine;
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        return ContentMapper.toResponse(engine.embed(ContentMapper.toClipInputs(request)));
    }

    /** {@code INPUT_TYPE} is accepted and has no effect: jina-clip-v1 embeds queries and documents alike. */
    @Override
    public Set<EmbeddingParameter<?>> supportedParameters() {
        return Set.of(EmbeddingRequestParameters.INPUT_TYPE);
    }

    /** 768, known without running the model. */
    @Override
    public int dimension() {
        return engine.dimension();
    }

    @Override
    public String modelName() {
        return "jina-clip-v1";
    }

    @Override
    public List<EmbeddingModelListener> listeners() {
        return listeners;
    }

    /** Frees the native sessions and the tokenizer. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "JinaClipOnnxEmbeddingModel{" + engine + "}";
    }

    /** Collects settings; see each method for its default. */
    public static class Builder {
        private final JinaClipOnnxConfig.Builder config = JinaClipOnnxConfig.builder();
        private final List<EmbeddingModelListener> listeners = new ArrayList<>();

        protected Builder() {
        }

        /** A local folder laid out like the Hugging Face repo; set, nothing is downloaded. Default: the hub. */
        public Builder modelDirectory(Path modelDirectory) {
            config.modelDirectory(modelDirectory);
            return this;
        }

        /** The Hugging Face repo; default {@code jinaai/jina-clip-v1}. */
        public Builder repoId(String repoId) {
            config.repoId(repoId);
            return this;
        }

        /** Branch, tag or commit hash to download; default {@code main}. A commit hash pins the files. */
        public Builder revision(String revision) {
            config.revision(revision);
            return this;
        }

        /** The hub cache; default {@code $HF_HUB_CACHE}, {@code $HF_HOME/hub} or {@code ~/.cache/huggingface/hub}. */
        public Builder cacheDirectory(Path cacheDirectory) {
            config.cacheDirectory(cacheDirectory);
            return this;
        }

        /** Use the cache only, never the network; default: {@code HF_HUB_OFFLINE}. */
        public Builder offline(Boolean offline) {
            config.offline(offline);
            return this;
        }

        /** A preconfigured hub client (endpoint, token, cache, progress, proxy); default: from the environment. */
        public Builder hub(HuggingFaceHub hub) {
            config.hub(hub);
            return this;
        }

        /** The ONNX variant; default {@link OnnxVariant#FP32}. */
        public Builder variant(OnnxVariant variant) {
            config.variant(variant);
            return this;
        }

        /** Most tokens per text, 3 to 8192, special tokens included; default 512, as the reference code. */
        public Builder maxTextTokens(Integer maxTextTokens) {
            config.maxTextTokens(maxTextTokens);
            return this;
        }

        /** Make an over-long text an error instead of truncating it; default {@code false}. */
        public Builder failOnTruncation(Boolean failOnTruncation) {
            config.failOnTruncation(failOnTruncation);
            return this;
        }

        /** Most texts per inference batch; default 16. */
        public Builder maxBatchSize(Integer maxBatchSize) {
            config.maxBatchSize(maxBatchSize);
            return this;
        }

        /** Most padded tokens per text batch, for throughput; default 512. */
        public Builder maxBatchTokens(Integer maxBatchTokens) {
            config.maxBatchTokens(maxBatchTokens);
            return this;
        }

        /** Most images per inference batch; default 4. */
        public Builder maxImageBatchSize(Integer maxImageBatchSize) {
            config.maxImageBatchSize(maxImageBatchSize);
            return this;
        }

        /** Most bytes inference may hold at once, all calls together; default 40 % of physical memory. */
        public Builder maxInferenceMemory(Long maxInferenceMemory) {
            config.maxInferenceMemory(maxInferenceMemory);
            return this;
        }

        /** L2-normalise vectors; default {@code true}. */
        public Builder normalize(Boolean normalize) {
            config.normalize(normalize);
            return this;
        }

        /** ONNX Runtime intra-op threads per session; default: available processors. */
        public Builder intraOpThreads(Integer intraOpThreads) {
            config.intraOpThreads(intraOpThreads);
            return this;
        }

        /** ONNX Runtime graph optimisation; default {@code ALL_OPT}. */
        public Builder optimizationLevel(OptLevel optimizationLevel) {
            config.optimizationLevel(optimizationLevel);
            return this;
        }

        /** CPU (default) or CUDA (needs the {@code onnxruntime_gpu} artifact). */
        public Builder executionProvider(ExecutionProvider executionProvider) {
            config.executionProvider(executionProvider);
            return this;
        }

        /** The CUDA device; default 0. */
        public Builder deviceId(Integer deviceId) {
            config.deviceId(deviceId);
            return this;
        }

        /** The largest encoded image accepted; default 64 MiB. */
        public Builder maxImageBytes(Long maxImageBytes) {
            config.maxImageBytes(maxImageBytes);
            return this;
        }

        /** The largest image in pixels, checked before decoding; default: the preprocessor's. */
        public Builder maxImagePixels(Long maxImagePixels) {
            config.maxImagePixels(maxImagePixels);
            return this;
        }

        /** Download images given by {@code http(s)} URL; default {@code true}. */
        public Builder fetchRemoteImages(Boolean fetchRemoteImages) {
            config.fetchRemoteImages(fetchRemoteImages);
            return this;
        }

        /** Longest time to connect to an image's server; default 10 s. */
        public Builder imageConnectTimeout(Duration imageConnectTimeout) {
            config.imageConnectTimeout(imageConnectTimeout);
            return this;
        }

        /** Longest silence from an image's server; default 10 s. */
        public Builder imageReadTimeout(Duration imageReadTimeout) {
            config.imageReadTimeout(imageReadTimeout);
            return this;
        }

        /** Longest one image download may take in all; default 30 s. */
        public Builder imageDownloadTimeout(Duration imageDownloadTimeout) {
            config.imageDownloadTimeout(imageDownloadTimeout);
            return this;
        }

        /** Most image downloads at once, all calls together; default 64. */
        public Builder maxImageDownloads(Integer maxImageDownloads) {
            config.maxImageDownloads(maxImageDownloads);
            return this;
        }

        /** Most image downloads at once from one host; default 5. */
        public Builder maxImageDownloadsPerHost(Integer maxImageDownloadsPerHost) {
            config.maxImageDownloadsPerHost(maxImageDownloadsPerHost);
            return this;
        }

        /** The executor that decodes and preprocesses images; default: the engine's own pool. */
        public Builder imageExecutor(Executor imageExecutor) {
            config.imageExecutor(imageExecutor);
            return this;
        }

        /** Listeners notified of each request, response and error. */
        public Builder listeners(List<EmbeddingModelListener> listeners) {
            this.listeners.clear();
            if (listeners != null) {
                this.listeners.addAll(listeners);
            }
            return this;
        }

        /**
         * Loads the model, downloading it first if needed.
         *
         * @throws IllegalArgumentException                 if a file is missing or does not have the jina-clip
         *                                                  signature, or a setting is invalid
         * @throws dev.jinaclip.hub.ModelDownloadException if the files are not cached and cannot be downloaded
         * @throws IllegalStateException                    if the execution provider is not available
         */
        public JinaClipOnnxEmbeddingModel build() {
            return new JinaClipOnnxEmbeddingModel(this);
        }
    }
}
