package dev.jinaclip.onnx;

import static dev.jinaclip.core.internal.SettingChecks.atLeast;
import static dev.jinaclip.core.internal.SettingChecks.requireText;
import static dev.jinaclip.core.internal.SettingChecks.timeLimit;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import com.sun.management.OperatingSystemMXBean;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.hub.HuggingFaceHub;
import dev.jinaclip.onnx.internal.ImageHosts;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Immutable settings of a {@link JinaClipOnnxEngine}; every default is documented on its builder method.
 */
public final class JinaClipOnnxConfig {

    /** The model that runs in process. */
    public static final JinaClipModel MODEL = JinaClipModel.JINA_CLIP_V1;
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
    private final boolean normalized;
    private final int intraOpThreads;
    private final OptLevel optimizationLevel;
    private final ExecutionProvider executionProvider;
    private final int deviceId;
    private final long maxImageBytes;
    private final long maxImagePixels;
    private final boolean fetchRemoteImages;
    private final List<String> imageHosts;
    private final boolean allowPrivateImageAddresses;
    private final Duration imageConnectTimeout;
    private final Duration imageReadTimeout;
    private final Duration imageDownloadTimeout;
    private final int maxImageDownloads;
    private final int maxImageDownloadsPerHost;
    private final Executor imageExecutor;

    private JinaClipOnnxConfig(Settings<?> b) {
        this.modelDirectory = b.modelDirectory;
        this.repoId = b.repoId == null ? MODEL.repoId() : requireText(b.repoId, "repoId");
        this.revision = b.revision == null ? JinaClipModel.DEFAULT_REVISION : requireText(b.revision, "revision");
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
        this.normalized = b.normalized == null || b.normalized;
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
        this.imageHosts = ImageHosts.normalised(b.imageHosts, "imageHosts");
        this.allowPrivateImageAddresses = b.allowPrivateImageAddresses == null || b.allowPrivateImageAddresses;
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
    public boolean normalized() {
        return normalized;
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

    /**
     * The hosts that images may be downloaded from, lower-cased: exact names, and {@code *.example.com} for the
     * subdomains of {@code example.com}; empty for any host.
     */
    public List<String> imageHosts() {
        return imageHosts;
    }

    /**
     * Whether images may be downloaded from loopback, private, link-local and other non-public addresses, or from a
     * host name that resolves to one.
     */
    public boolean allowPrivateImageAddresses() {
        return allowPrivateImageAddresses;
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
                + ", maxInferenceMemory=" + maxInferenceMemory + ", normalized=" + normalized + ", intraOpThreads="
                + intraOpThreads + ", executionProvider=" + executionProvider + "}";
    }

    /**
     * The settings, each declared once: {@link Builder} makes a configuration of them, and the LangChain4j and
     * Spring AI adapters' builders extend this class to make their models. Unset values take the defaults that
     * each setter documents; nothing is validated before the configuration is made.
     *
     * @param <B> the type that the setters return
     */
    public abstract static class Settings<B extends Settings<B>> {
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
        private Boolean normalized;
        private Integer intraOpThreads;
        private OptLevel optimizationLevel;
        private ExecutionProvider executionProvider;
        private Integer deviceId;
        private Long maxImageBytes;
        private Long maxImagePixels;
        private Boolean fetchRemoteImages;
        private List<String> imageHosts;
        private Boolean allowPrivateImageAddresses;
        private Duration imageConnectTimeout;
        private Duration imageReadTimeout;
        private Duration imageDownloadTimeout;
        private Integer maxImageDownloads;
        private Integer maxImageDownloadsPerHost;
        private Executor imageExecutor;

        /** Settings at their defaults. */
        protected Settings() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** A local folder laid out like the Hugging Face repo; set, nothing is downloaded. Default: the hub. */
        public B modelDirectory(Path modelDirectory) {
            this.modelDirectory = modelDirectory;
            return self();
        }

        /** The Hugging Face repo to download from; default {@code jinaai/jina-clip-v1}. */
        public B repoId(String repoId) {
            this.repoId = repoId;
            return self();
        }

        /** Branch, tag or commit hash to download (a commit pins it); default {@value JinaClipModel#DEFAULT_REVISION}. */
        public B revision(String revision) {
            this.revision = revision;
            return self();
        }

        /**
         * The hub cache; default {@code $HF_HUB_CACHE}, else {@code $HUGGINGFACE_HUB_CACHE}, else
         * {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}:
         * the cache Python's {@code huggingface_hub} uses.
         */
        public B cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = cacheDirectory;
            return self();
        }

        /** Never contact the hub, use the cache only; default: {@code HF_HUB_OFFLINE}. */
        public B offline(Boolean offline) {
            this.offline = offline;
            return self();
        }

        /**
         * A preconfigured hub client (endpoint, token, cache, offline mode, progress display, proxy); default: one
         * from the environment ({@code HF_ENDPOINT}, {@code HF_TOKEN}, {@code HF_HUB_OFFLINE}, ...) and the
         * options above.
         */
        public B hub(HuggingFaceHub hub) {
            this.hub = hub;
            return self();
        }

        /** The ONNX variant; default {@link OnnxVariant#FP32}. */
        public B variant(OnnxVariant variant) {
            this.variant = variant;
            return self();
        }

        /** Most tokens per text, 3 to 8192, special tokens included; default 512, as the reference code. */
        public B maxTextTokens(Integer maxTextTokens) {
            this.maxTextTokens = maxTextTokens;
            return self();
        }

        /** Make a text longer than {@code maxTextTokens} an error instead of truncating it; default {@code false}. */
        public B failOnTruncation(Boolean failOnTruncation) {
            this.failOnTruncation = failOnTruncation;
            return self();
        }

        /** Most texts per inference batch; default {@value #DEFAULT_MAX_BATCH_SIZE}. */
        public B maxBatchSize(Integer maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return self();
        }

        /**
         * Most padded tokens (texts × longest text) per text batch, for throughput; default
         * {@value #DEFAULT_MAX_BATCH_TOKENS}, the fastest measured on CPU. More cores or a GPU may want more.
         */
        public B maxBatchTokens(Integer maxBatchTokens) {
            this.maxBatchTokens = maxBatchTokens;
            return self();
        }

        /** Most images per inference batch; default {@value #DEFAULT_MAX_IMAGE_BATCH_SIZE}. */
        public B maxImageBatchSize(Integer maxImageBatchSize) {
            this.maxImageBatchSize = maxImageBatchSize;
            return self();
        }

        /**
         * Most bytes that inference may hold at once, all calls of the engine together, beyond the weights;
         * default {@link #defaultMaxInferenceMemory()}. Batches are planned within it and concurrent runs wait for
         * it; a single text that alone needs more (8,192 tokens need about 12 GB) runs alone. At least 64 MiB.
         */
        public B maxInferenceMemory(Long maxInferenceMemory) {
            this.maxInferenceMemory = maxInferenceMemory;
            return self();
        }

        /** L2-normalise vectors, as the reference {@code encode_text}/{@code encode_image}; default {@code true}. */
        public B normalized(Boolean normalized) {
            this.normalized = normalized;
            return self();
        }

        /** ONNX Runtime intra-op threads per session; default: available processors. */
        public B intraOpThreads(Integer intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
            return self();
        }

        /** ONNX Runtime graph optimisation; default {@code ALL_OPT}. */
        public B optimizationLevel(OptLevel optimizationLevel) {
            this.optimizationLevel = optimizationLevel;
            return self();
        }

        /** Where the model runs; default {@link ExecutionProvider#CPU}. */
        public B executionProvider(ExecutionProvider executionProvider) {
            this.executionProvider = executionProvider;
            return self();
        }

        /** The CUDA device for {@link ExecutionProvider#CUDA}; default 0. */
        public B deviceId(Integer deviceId) {
            this.deviceId = deviceId;
            return self();
        }

        /** The largest encoded image accepted; default 64 MiB. */
        public B maxImageBytes(Long maxImageBytes) {
            this.maxImageBytes = maxImageBytes;
            return self();
        }

        /** The largest image accepted in pixels, checked before decoding; default: the preprocessor's. */
        public B maxImagePixels(Long maxImagePixels) {
            this.maxImagePixels = maxImagePixels;
            return self();
        }

        /** Download images given by {@code http(s)} URL; default {@code true}. */
        public B fetchRemoteImages(Boolean fetchRemoteImages) {
            this.fetchRemoteImages = fetchRemoteImages;
            return self();
        }

        /**
         * The only hosts that images given by URL may be downloaded from, each hop of a redirect included: exact
         * names ({@code images.example.com}, or an IP literal) and {@code *.example.com} for any subdomain of
         * {@code example.com}; default: empty, any host. A URL off the list fails, not retryably, naming the input,
         * the URL and this setting.
         */
        public B imageHosts(List<String> imageHosts) {
            this.imageHosts = imageHosts;
            return self();
        }

        /**
         * Download images from loopback, private (RFC 1918), link-local (cloud metadata at 169.254.169.254
         * included), unique-local, CGNAT, any-local and multicast addresses, as IP literals or behind host names
         * that resolve to them, redirects included; default {@code true}. Set {@code false} wherever the URLs come
         * from users (server-side request forgery): a host name is then connected to only on addresses that were
         * checked, so a name that resolves to a public address once and a private one later gains nothing.
         */
        public B allowPrivateImageAddresses(Boolean allowPrivateImageAddresses) {
            this.allowPrivateImageAddresses = allowPrivateImageAddresses;
            return self();
        }

        /**
         * The longest time to connect to the server of an image given by URL; default 10 s. Past it the call fails,
         * naming the input and this setting.
         */
        public B imageConnectTimeout(Duration imageConnectTimeout) {
            this.imageConnectTimeout = imageConnectTimeout;
            return self();
        }

        /**
         * The longest that server may send nothing, while its answer is awaited or between two reads of it;
         * default 10 s. Past it the call fails, naming the input and this setting.
         */
        public B imageReadTimeout(Duration imageReadTimeout) {
            this.imageReadTimeout = imageReadTimeout;
            return self();
        }

        /**
         * The longest one image download may take, from its start (connecting included, waiting for a free
         * download slot not) to its last byte; default 30 s. Past it the call fails, naming the input and this
         * setting.
         */
        public B imageDownloadTimeout(Duration imageDownloadTimeout) {
            this.imageDownloadTimeout = imageDownloadTimeout;
            return self();
        }

        /**
         * The most image downloads at once, all calls together; default {@value #DEFAULT_MAX_IMAGE_DOWNLOADS}.
         * More wait for a free slot.
         */
        public B maxImageDownloads(Integer maxImageDownloads) {
            this.maxImageDownloads = maxImageDownloads;
            return self();
        }

        /**
         * The most image downloads at once from one host name, all calls together; default
         * {@value #DEFAULT_MAX_IMAGE_DOWNLOADS_PER_HOST}. More wait for a free slot.
         */
        public B maxImageDownloadsPerHost(Integer maxImageDownloadsPerHost) {
            this.maxImageDownloadsPerHost = maxImageDownloadsPerHost;
            return self();
        }

        /**
         * The executor that decodes and preprocesses images (downloads run on threads of their own); default: a
         * pool of available-processors threads.
         */
        public B imageExecutor(Executor imageExecutor) {
            this.imageExecutor = imageExecutor;
            return self();
        }

        /**
         * The configuration of these settings.
         *
         * @throws IllegalArgumentException naming the setting, if a value is out of range, or if download settings
         *                                  are given beside a local {@code modelDirectory}
         */
        protected final JinaClipOnnxConfig toConfig() {
            return new JinaClipOnnxConfig(this);
        }
    }

    /** Collects settings; {@link #build()} applies defaults and validates. */
    public static final class Builder extends Settings<Builder> {

        private Builder() {
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the setting, if a value is out of range, or if download settings
         *                                  are given beside a local {@code modelDirectory}
         */
        public JinaClipOnnxConfig build() {
            return toConfig();
        }
    }
}
