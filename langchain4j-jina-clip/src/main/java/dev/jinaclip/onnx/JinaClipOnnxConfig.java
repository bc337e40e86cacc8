package dev.jinaclip.onnx;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import com.sun.management.OperatingSystemMXBean;
import dev.jinaclip.hub.HuggingFaceHub;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Immutable settings of a {@link JinaClipOnnxEngine}; every default is documented on its builder method.
 */
public final class JinaClipOnnxConfig {

    /** The Hugging Face repo the model is downloaded from. */
    public static final String DEFAULT_REPO_ID = "jinaai/jina-clip-v1";
    /** The revision downloaded by default. */
    public static final String DEFAULT_REVISION = "main";
    /** jina-clip-v1's output dimension. */
    public static final int DIMENSION = 768;
    /** The reference code's {@code max_length}. */
    public static final int DEFAULT_MAX_TEXT_TOKENS = 512;
    /** The text tower's window (ALiBi, 8192 positions). */
    public static final int MAX_TEXT_TOKENS = 8192;
    /**
     * Default texts per inference batch. With short texts 16 and 32 rows are within noise on 2 CPU cores (90 and 92
     * texts/s at 14 tokens); 16 pads ragged batches less and finishes the first batch sooner.
     */
    public static final int DEFAULT_MAX_BATCH_SIZE = 16;
    /**
     * Default padded tokens per text batch. Measured on 2 CPU cores with the full-size model, a text batch is
     * fastest per text at about 512 padded tokens: 8 texts of 64 tokens, 4 of 128, 1 of 512 or more, 16 to 32 of 14.
     */
    public static final int DEFAULT_MAX_BATCH_TOKENS = 512;
    /** Default images per inference batch: measured fastest with 2 to 4 on 2 CPU cores, slowest with 32. */
    public static final int DEFAULT_MAX_IMAGE_BATCH_SIZE = 4;
    /** The share of physical memory that inference may hold by default: {@link #defaultMaxInferenceMemory()}. */
    public static final double DEFAULT_INFERENCE_MEMORY_SHARE = 0.4;
    /** Default largest encoded image accepted, in bytes. */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 64L * 1024 * 1024;
    private static final long MIN_INFERENCE_MEMORY = 64L << 20;
    /** Default time to connect to the server of an image given by URL: OkHttp's default. */
    public static final Duration DEFAULT_IMAGE_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default longest silence of that server while its answer is awaited or read: OkHttp's default. */
    public static final Duration DEFAULT_IMAGE_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Default longest time for one whole image download, connecting included. */
    public static final Duration DEFAULT_IMAGE_DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);
    /** Default most image downloads at once, all calls together: OkHttp's default. */
    public static final int DEFAULT_MAX_IMAGE_DOWNLOADS = 64;
    /** Default most image downloads at once from one host name, all calls together: OkHttp's default. */
    public static final int DEFAULT_MAX_IMAGE_DOWNLOADS_PER_HOST = 5;

    private final Path modelDirectory;
    private final String repoId;
    private final String revision;
    private final Path cacheDirectory;
    private final Boolean offline;
    private final HuggingFaceHub hub;
    private final OnnxVariant variant;
    private final int maxTextTokens;
    private final boolean failOnTruncation;
    private final int maxBatchSize;
    private final int maxBatchTokens;
    private final int maxImageBatchSize;
    private final long maxInferenceMemory;
    private final boolean normalize;
    private final int intraOpThreads;
    private final OptLevel optimizationLevel;
    private final ExecutionProvider executionProvider;
    private final int deviceId;
    private final long maxImageBytes;
    private final long maxImagePixels;
    private final boolean fetchRemoteImages;
    private final Duration imageConnectTimeout;
    private final Duration imageReadTimeout;
    private final Duration imageDownloadTimeout;
    private final int maxImageDownloads;
    private final int maxImageDownloadsPerHost;
    private final Executor imageExecutor;

    private JinaClipOnnxConfig(Builder b) {
        this.modelDirectory = b.modelDirectory;
        this.repoId = b.repoId == null ? DEFAULT_REPO_ID : requireText(b.repoId, "repoId");
        this.revision = b.revision == null ? DEFAULT_REVISION : requireText(b.revision, "revision");
        this.cacheDirectory = b.cacheDirectory;
        this.offline = b.offline;
        this.hub = b.hub;
        if (hub != null && (cacheDirectory != null || offline != null)) {
            throw new IllegalArgumentException("Set cacheDirectory and offline on the HuggingFaceHub passed to hub(...),"
                    + " not beside it");
        }
        if (modelDirectory != null && (hub != null || b.repoId != null || b.revision != null || cacheDirectory != null)) {
            throw new IllegalArgumentException("modelDirectory is a local folder, so nothing is downloaded: remove"
                    + " hub, repoId, revision and cacheDirectory, which apply only to downloads from the Hugging Face Hub");
        }
        this.variant = b.variant == null ? OnnxVariant.FP32 : b.variant;
        this.maxTextTokens = b.maxTextTokens == null ? DEFAULT_MAX_TEXT_TOKENS : b.maxTextTokens;
        if (maxTextTokens < 3 || maxTextTokens > MAX_TEXT_TOKENS) {
            throw new IllegalArgumentException("maxTextTokens must be between 3 and " + MAX_TEXT_TOKENS
                    + " (the text tower's window), was " + maxTextTokens);
        }
        this.failOnTruncation = b.failOnTruncation != null && b.failOnTruncation;
        this.maxBatchSize = atLeast(b.maxBatchSize, DEFAULT_MAX_BATCH_SIZE, 1, "maxBatchSize");
        this.maxBatchTokens = atLeast(b.maxBatchTokens, DEFAULT_MAX_BATCH_TOKENS, 1, "maxBatchTokens");
        this.maxImageBatchSize = atLeast(b.maxImageBatchSize, DEFAULT_MAX_IMAGE_BATCH_SIZE, 1, "maxImageBatchSize");
        this.maxInferenceMemory = b.maxInferenceMemory == null ? defaultMaxInferenceMemory() : b.maxInferenceMemory;
        if (maxInferenceMemory < MIN_INFERENCE_MEMORY) {
            throw new IllegalArgumentException("maxInferenceMemory must be at least " + MIN_INFERENCE_MEMORY
                    + " bytes (64 MiB), was " + maxInferenceMemory);
        }
        this.normalize = b.normalize == null || b.normalize;
        this.intraOpThreads = atLeast(b.intraOpThreads, Runtime.getRuntime().availableProcessors(), 1,
                "intraOpThreads");
        this.optimizationLevel = b.optimizationLevel == null ? OptLevel.ALL_OPT : b.optimizationLevel;
        this.executionProvider = b.executionProvider == null ? ExecutionProvider.CPU : b.executionProvider;
        this.deviceId = atLeast(b.deviceId, 0, 0, "deviceId");
        this.maxImageBytes = b.maxImageBytes == null ? DEFAULT_MAX_IMAGE_BYTES : b.maxImageBytes;
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("maxImageBytes must be positive, was " + maxImageBytes);
        }
        this.maxImagePixels = b.maxImagePixels == null ? 0 : b.maxImagePixels;
        if (b.maxImagePixels != null && maxImagePixels < 1) {
            throw new IllegalArgumentException("maxImagePixels must be positive, was " + maxImagePixels);
        }
        this.fetchRemoteImages = b.fetchRemoteImages == null || b.fetchRemoteImages;
        this.imageConnectTimeout = timeLimit(b.imageConnectTimeout, DEFAULT_IMAGE_CONNECT_TIMEOUT,
                "imageConnectTimeout");
        this.imageReadTimeout = timeLimit(b.imageReadTimeout, DEFAULT_IMAGE_READ_TIMEOUT, "imageReadTimeout");
        this.imageDownloadTimeout = timeLimit(b.imageDownloadTimeout, DEFAULT_IMAGE_DOWNLOAD_TIMEOUT,
                "imageDownloadTimeout");
        this.maxImageDownloads = atLeast(b.maxImageDownloads, DEFAULT_MAX_IMAGE_DOWNLOADS, 1, "maxImageDownloads");
        this.maxImageDownloadsPerHost = atLeast(b.maxImageDownloadsPerHost, DEFAULT_MAX_IMAGE_DOWNLOADS_PER_HOST, 1,
                "maxImageDownloadsPerHost");
        this.imageExecutor = b.imageExecutor;
    }

    /** A builder with every value at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The local model folder, or {@code null} to use the Hugging Face Hub cache. */
    public Path modelDirectory() {
        return modelDirectory;
    }

    /** The Hugging Face repo to download from. */
    public String repoId() {
        return repoId;
    }

    /** The revision (branch, tag or commit hash) to download. */
    public String revision() {
        return revision;
    }

    /** The hub cache folder, or {@code null} for the Hugging Face default. */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** Whether the hub may not be contacted, or {@code null} to follow {@code HF_HUB_OFFLINE}. */
    public Boolean offline() {
        return offline;
    }

    /** The hub client to download with, or {@code null} for one built from the settings above. */
    public HuggingFaceHub hub() {
        return hub;
    }

    /** The ONNX variant. */
    public OnnxVariant variant() {
        return variant;
    }

    /** Most tokens per text, special tokens included. */
    public int maxTextTokens() {
        return maxTextTokens;
    }

    /** Whether a longer text is an error instead of being truncated. */
    public boolean failOnTruncation() {
        return failOnTruncation;
    }

    /** Most texts per inference batch. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** Most images per inference batch. */
    public int maxImageBatchSize() {
        return maxImageBatchSize;
    }

    /** Most bytes that inference may hold at once, all calls together, beyond the model's weights. */
    public long maxInferenceMemory() {
        return maxInferenceMemory;
    }

    /**
     * {@value #DEFAULT_INFERENCE_MEMORY_SHARE} of the machine's physical memory (9.6 GB of 24 GB): with the weights
     * (about 1 GB) and the JVM's heap besides, a machine running nothing else never swaps. Where the physical
     * memory cannot be read, 4 GiB.
     */
    public static long defaultMaxInferenceMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                && os.getTotalMemorySize() > 0) {
            return Math.max(MIN_INFERENCE_MEMORY, (long) (os.getTotalMemorySize() * DEFAULT_INFERENCE_MEMORY_SHARE));
        }
        return 4L << 30;
    }

    /** Most padded tokens (texts × longest length) per text batch. */
    public int maxBatchTokens() {
        return maxBatchTokens;
    }

    /** Whether vectors are L2-normalised. */
    public boolean normalize() {
        return normalize;
    }

    /** ONNX Runtime's intra-op threads per session. */
    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** ONNX Runtime's graph optimisation level. */
    public OptLevel optimizationLevel() {
        return optimizationLevel;
    }

    /** Where the model runs. */
    public ExecutionProvider executionProvider() {
        return executionProvider;
    }

    /** The CUDA device, for {@link ExecutionProvider#CUDA}. */
    public int deviceId() {
        return deviceId;
    }

    /** The largest encoded image accepted, in bytes. */
    public long maxImageBytes() {
        return maxImageBytes;
    }

    /** The largest image accepted, in pixels, or 0 for the preprocessor's default. */
    public long maxImagePixels() {
        return maxImagePixels;
    }

    /** Whether images given by {@code http(s)} URL are downloaded; if not, they are an error. */
    public boolean fetchRemoteImages() {
        return fetchRemoteImages;
    }

    /** The longest time to connect to the server of an image given by URL. */
    public Duration imageConnectTimeout() {
        return imageConnectTimeout;
    }

    /** The longest that server may send nothing while its answer is awaited or read. */
    public Duration imageReadTimeout() {
        return imageReadTimeout;
    }

    /** The longest one image download may take, from its start to its last byte. */
    public Duration imageDownloadTimeout() {
        return imageDownloadTimeout;
    }

    /** The most image downloads at once, all calls together. */
    public int maxImageDownloads() {
        return maxImageDownloads;
    }

    /** The most image downloads at once from one host name, all calls together. */
    public int maxImageDownloadsPerHost() {
        return maxImageDownloadsPerHost;
    }

    /** The executor that decodes and preprocesses images, or {@code null} for the engine's own. */
    public Executor imageExecutor() {
        return imageExecutor;
    }

    @Override
    public String toString() {
        return "JinaClipOnnxConfig{" + (modelDirectory != null ? "modelDirectory=" + modelDirectory
                : "repoId=" + repoId + ", revision=" + revision + ", cacheDirectory=" + cacheDirectory)
                + ", variant=" + variant + ", maxTextTokens=" + maxTextTokens + ", maxBatchSize=" + maxBatchSize
                + ", maxBatchTokens=" + maxBatchTokens + ", maxImageBatchSize=" + maxImageBatchSize
                + ", maxInferenceMemory=" + maxInferenceMemory + ", normalize=" + normalize + ", intraOpThreads="
                + intraOpThreads + ", executionProvider=" + executionProvider + "}";
    }

    private static String requireText(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static Duration timeLimit(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        // OkHttp counts in whole milliseconds, up to Integer.MAX_VALUE of them
        if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, was "
                    + value);
        }
        return value;
    }

    private static int atLeast(Integer value, int fallback, int min, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** Collects settings; {@link #build()} applies defaults and validates. */
    public static final class Builder {
        private Path modelDirectory;
        private String repoId;
        private String revision;
        private Path cacheDirectory;
        private Boolean offline;
        private HuggingFaceHub hub;
        private OnnxVariant variant;
        private Integer maxTextTokens;
        private Boolean failOnTruncation;
        private Integer maxBatchSize;
        private Integer maxBatchTokens;
        private Integer maxImageBatchSize;
        private Long maxInferenceMemory;
        private Boolean normalize;
        private Integer intraOpThreads;
        private OptLevel optimizationLevel;
        private ExecutionProvider executionProvider;
        private Integer deviceId;
        private Long maxImageBytes;
        private Long maxImagePixels;
        private Boolean fetchRemoteImages;
        private Duration imageConnectTimeout;
        private Duration imageReadTimeout;
        private Duration imageDownloadTimeout;
        private Integer maxImageDownloads;
        private Integer maxImageDownloadsPerHost;
        private Executor imageExecutor;

        private Builder() {
        }

        /** A local folder laid out like the Hugging Face repo; set, nothing is downloaded. Default: the hub. */
        public Builder modelDirectory(Path modelDirectory) {
            this.modelDirectory = modelDirectory;
            return this;
        }

        /** The Hugging Face repo to download from; default {@value #DEFAULT_REPO_ID}. */
        public Builder repoId(String repoId) {
            this.repoId = repoId;
            return this;
        }

        /** Branch, tag or commit hash to download; default {@value #DEFAULT_REVISION}. A commit hash pins it. */
        public Builder revision(String revision) {
            this.revision = revision;
            return this;
        }

        /**
         * The hub cache; default {@code $HF_HUB_CACHE}, else {@code $HUGGINGFACE_HUB_CACHE}, else
         * {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}:
         * the cache Python's {@code huggingface_hub} uses.
         */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = cacheDirectory;
            return this;
        }

        /** Never contact the hub, use the cache only; default: {@code HF_HUB_OFFLINE}. */
        public Builder offline(Boolean offline) {
            this.offline = offline;
            return this;
        }

        /**
         * A preconfigured hub client (endpoint, token, cache, offline mode, progress display, proxy); default: one
         * from the environment ({@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HF_HUB_OFFLINE}, ...) and the
         * options above.
         */
        public Builder hub(HuggingFaceHub hub) {
            this.hub = hub;
            return this;
        }

        /** The ONNX variant; default {@link OnnxVariant#FP32}. */
        public Builder variant(OnnxVariant variant) {
            this.variant = variant;
            return this;
        }

        /** Most tokens per text, 3 to 8192, special tokens included; default 512, as the reference code. */
        public Builder maxTextTokens(Integer maxTextTokens) {
            this.maxTextTokens = maxTextTokens;
            return this;
        }

        /** Make a text longer than {@code maxTextTokens} an error instead of truncating it; default {@code false}. */
        public Builder failOnTruncation(Boolean failOnTruncation) {
            this.failOnTruncation = failOnTruncation;
            return this;
        }

        /** Most texts per inference batch; default {@value #DEFAULT_MAX_BATCH_SIZE}. */
        public Builder maxBatchSize(Integer maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /**
         * Most padded tokens (texts × longest text) per text batch, for throughput; default
         * {@value #DEFAULT_MAX_BATCH_TOKENS}, the fastest measured on CPU. More cores or a GPU may want more.
         */
        public Builder maxBatchTokens(Integer maxBatchTokens) {
            this.maxBatchTokens = maxBatchTokens;
            return this;
        }

        /** Most images per inference batch; default {@value #DEFAULT_MAX_IMAGE_BATCH_SIZE}. */
        public Builder maxImageBatchSize(Integer maxImageBatchSize) {
            this.maxImageBatchSize = maxImageBatchSize;
            return this;
        }

        /**
         * Most bytes that inference may hold at once, all calls of the engine together, beyond the weights;
         * default {@link #defaultMaxInferenceMemory()}. Batches are planned within it and concurrent runs wait for
         * it; a single text that alone needs more (8,192 tokens need about 12 GB) runs alone. At least 64 MiB.
         */
        public Builder maxInferenceMemory(Long maxInferenceMemory) {
            this.maxInferenceMemory = maxInferenceMemory;
            return this;
        }

        /** L2-normalise vectors, as the reference {@code encode_text}/{@code encode_image}; default {@code true}. */
        public Builder normalize(Boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        /** ONNX Runtime intra-op threads per session; default: available processors. */
        public Builder intraOpThreads(Integer intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
            return this;
        }

        /** ONNX Runtime graph optimisation; default {@code ALL_OPT}. */
        public Builder optimizationLevel(OptLevel optimizationLevel) {
            this.optimizationLevel = optimizationLevel;
            return this;
        }

        /** Where the model runs; default {@link ExecutionProvider#CPU}. */
        public Builder executionProvider(ExecutionProvider executionProvider) {
            this.executionProvider = executionProvider;
            return this;
        }

        /** The CUDA device for {@link ExecutionProvider#CUDA}; default 0. */
        public Builder deviceId(Integer deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        /** The largest encoded image accepted; default 64 MiB. */
        public Builder maxImageBytes(Long maxImageBytes) {
            this.maxImageBytes = maxImageBytes;
            return this;
        }

        /** The largest image accepted in pixels, checked before decoding; default: the preprocessor's. */
        public Builder maxImagePixels(Long maxImagePixels) {
            this.maxImagePixels = maxImagePixels;
            return this;
        }

        /** Download images given by {@code http(s)} URL; default {@code true}. */
        public Builder fetchRemoteImages(Boolean fetchRemoteImages) {
            this.fetchRemoteImages = fetchRemoteImages;
            return this;
        }

        /**
         * The longest time to connect to the server of an image given by URL; default 10 s. Past it the call fails,
         * naming the input and this setting.
         */
        public Builder imageConnectTimeout(Duration imageConnectTimeout) {
            this.imageConnectTimeout = imageConnectTimeout;
            return this;
        }

        /**
         * The longest that server may send nothing, while its answer is awaited or between two reads of it;
         * default 10 s. Past it the call fails, naming the input and this setting.
         */
        public Builder imageReadTimeout(Duration imageReadTimeout) {
            this.imageReadTimeout = imageReadTimeout;
            return this;
        }

        /**
         * The longest one image download may take, from its start (connecting included, waiting for a free
         * download slot not) to its last byte; default 30 s. Past it the call fails, naming the input and this
         * setting.
         */
        public Builder imageDownloadTimeout(Duration imageDownloadTimeout) {
            this.imageDownloadTimeout = imageDownloadTimeout;
            return this;
        }

        /**
         * The most image downloads at once, all calls together; default {@value #DEFAULT_MAX_IMAGE_DOWNLOADS}.
         * More wait for a free slot.
         */
        public Builder maxImageDownloads(Integer maxImageDownloads) {
            this.maxImageDownloads = maxImageDownloads;
            return this;
        }

        /**
         * The most image downloads at once from one host name, all calls together; default
         * {@value #DEFAULT_MAX_IMAGE_DOWNLOADS_PER_HOST}. More wait for a free slot.
         */
        public Builder maxImageDownloadsPerHost(Integer maxImageDownloadsPerHost) {
            this.maxImageDownloadsPerHost = maxImageDownloadsPerHost;
            return this;
        }

        /**
         * The executor that decodes and preprocesses images (downloads run on threads of their own); default: a
         * pool of available-processors threads.
         */
        public Builder imageExecutor(Executor imageExecutor) {
            this.imageExecutor = imageExecutor;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException if a value is out of range, or download settings are given beside a
         *                                  local {@code modelDirectory}
         */
        public JinaClipOnnxConfig build() {
            return new JinaClipOnnxConfig(this);
        }
    }
}
