package dev.jinaclip.api;

import static dev.jinaclip.core.internal.SettingChecks.atLeast;
import static dev.jinaclip.core.internal.SettingChecks.positive;
import static dev.jinaclip.core.internal.SettingChecks.timeLimit;

import dev.jinaclip.core.JinaClipModel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Immutable settings of a {@link JinaClipApiClient}; every default is documented on its builder method.
 */
public final class JinaClipApiConfig {

    /** The API's address. */
    public static final String DEFAULT_BASE_URL = "https://api.jina.ai";
    /** The environment variable read when no API key is given. */
    public static final String API_KEY_ENV = "JINA_API_KEY";
    /** The API's limit on inputs in one request. */
    public static final int MAX_INPUTS_PER_REQUEST = 2048;
    /**
     * Default inputs per request. Small enough that one request of long texts (64 × 512 tokens) or of
     * multi-tile images stays far below the free tier's 1M tokens a minute and the server's timeout, and that
     * a retried batch re-sends little; large enough that 10,000 passages take 157 requests, well within
     * 500 requests a minute.
     */
    public static final int DEFAULT_MAX_BATCH_SIZE = 64;
    /** Default requests in flight at once: the free tier's concurrency limit. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 5;
    /** The API's limit on one image's encoded size, 8 MB. */
    public static final long MAX_IMAGE_BYTES = 8_000_000L;
    /** The artifact that {@link Settings#imageTokenSaver(Boolean)} needs: the image pipeline. */
    public static final String IMAGE_PIPELINE_ARTIFACT = "dev.jinaclip:jina-clip-image";
    private static final String IMAGE_PIPELINE_CLASS = "dev.jinaclip.image.ClipImagePreprocessor";

    private final String apiKey;
    private final HttpUrl embeddingsUrl;
    private final JinaClipModel model;
    private final Integer dimensions;
    private final boolean normalized;
    private final EmbeddingType embeddingType;
    private final boolean truncate;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final int maxRetries;
    private final Duration initialRetryDelay;
    private final Duration maxRetryDelay;
    private final int maxBatchSize;
    private final int maxConcurrentRequests;
    private final boolean logRequests;
    private final boolean logResponses;
    private final boolean imageTokenSaver;
    private final OkHttpClient httpClient;

    private JinaClipApiConfig(Settings<?> b) {
        this.apiKey = resolveApiKey(b.apiKey, b.environment);
        this.embeddingsUrl = embeddingsUrl(b.baseUrl == null ? DEFAULT_BASE_URL : b.baseUrl);
        this.model = b.model == null ? JinaClipModel.JINA_CLIP_V1 : b.model;
        if (b.dimensions != null) {
            if (!model.supportsDimensions()) {
                throw new IllegalArgumentException("dimensions is not supported by " + model
                        + " (its vectors always have " + model.dimension() + " dimensions); remove it, or use "
                        + JinaClipModel.JINA_CLIP_V2);
            }
            if (b.dimensions < 1 || b.dimensions > model.dimension()) {
                throw new IllegalArgumentException(
                        "dimensions must be between 1 and " + model.dimension() + ", was " + b.dimensions);
            }
        }
        this.dimensions = b.dimensions;
        this.normalized = b.normalized == null || b.normalized;
        this.embeddingType = b.embeddingType == null ? EmbeddingType.FLOAT : b.embeddingType;
        this.truncate = b.truncate != null && b.truncate;
        this.timeout = timeLimit(b.timeout, Duration.ofSeconds(60), "timeout");
        this.connectTimeout = timeLimit(b.connectTimeout, Duration.ofSeconds(10), "connectTimeout");
        this.maxRetries = atLeast(b.maxRetries, 3, 0, "maxRetries");
        this.initialRetryDelay = positive(b.initialRetryDelay, Duration.ofMillis(500), "initialRetryDelay");
        this.maxRetryDelay = positive(b.maxRetryDelay, Duration.ofSeconds(30), "maxRetryDelay");
        if (initialRetryDelay.compareTo(maxRetryDelay) > 0) {
            throw new IllegalArgumentException("initialRetryDelay (" + initialRetryDelay
                    + ") must not be longer than maxRetryDelay (" + maxRetryDelay + ")");
        }
        this.maxBatchSize = atLeast(b.maxBatchSize, DEFAULT_MAX_BATCH_SIZE, 1, "maxBatchSize");
        if (maxBatchSize > MAX_INPUTS_PER_REQUEST) {
            throw new IllegalArgumentException("maxBatchSize must be at most " + MAX_INPUTS_PER_REQUEST
                    + " (the API's limit per request), was " + maxBatchSize);
        }
        this.maxConcurrentRequests = atLeast(b.maxConcurrentRequests, DEFAULT_MAX_CONCURRENT_REQUESTS, 1,
                "maxConcurrentRequests");
        this.logRequests = b.logRequests != null && b.logRequests;
        this.logResponses = b.logResponses != null && b.logResponses;
        this.imageTokenSaver = b.imageTokenSaver != null && b.imageTokenSaver;
        if (imageTokenSaver) {
            requireImagePipeline();
        }
        this.httpClient = b.httpClient;
    }

    /** A builder with every value at its default. */
    public static Builder builder() {
        return new Builder();
    }

    String apiKey() {
        return apiKey;
    }

    /** The full URL of the embeddings endpoint. */
    public HttpUrl embeddingsUrl() {
        return embeddingsUrl;
    }

    /** The model; jina-clip-v1 unless another was set. */
    public JinaClipModel model() {
        return model;
    }

    /** The requested output dimension (jina-clip-v2 only), or {@code null} for the model's full dimension. */
    public Integer dimensions() {
        return dimensions;
    }

    /** The dimension of the vectors this configuration gets. */
    public int dimension() {
        return dimensions == null ? model.dimension() : dimensions;
    }

    /** Whether the API L2-normalises the vectors. */
    public boolean normalized() {
        return normalized;
    }

    /** How vectors travel in responses. */
    public EmbeddingType embeddingType() {
        return embeddingType;
    }

    /** Whether the API truncates inputs that are too long instead of failing. */
    public boolean truncate() {
        return truncate;
    }

    /** The limit for one HTTP attempt, from connecting to reading the last byte. */
    public Duration timeout() {
        return timeout;
    }

    /** The limit for opening a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Retries per batch after the first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The backoff before the first retry; it doubles on each further retry. */
    public Duration initialRetryDelay() {
        return initialRetryDelay;
    }

    /** The longest backoff, and the longest {@code Retry-After} that is waited for. */
    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    /** The most inputs in one request. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** The most requests in flight at once, over all calls on one client. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Whether requests are logged (key redacted, image data elided). */
    public boolean logRequests() {
        return logRequests;
    }

    /** Whether responses are logged (vectors elided). */
    public boolean logResponses() {
        return logResponses;
    }

    /**
     * Whether images given as data (bytes, base64, files) are brought to the model's input before upload: resized
     * and centre-cropped to {@link JinaClipModel#imageSize()} square, as PNG.
     */
    public boolean imageTokenSaver() {
        return imageTokenSaver;
    }

    /** The caller's preconfigured OkHttp client, or {@code null}. */
    public OkHttpClient httpClient() {
        return httpClient;
    }

    @Override
    public String toString() {
        return "JinaClipApiConfig{apiKey=********, url=" + embeddingsUrl + ", model=" + model
                + ", dimensions=" + dimensions + ", normalized=" + normalized + ", embeddingType=" + embeddingType
                + ", truncate=" + truncate + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
                + ", maxRetries=" + maxRetries + ", initialRetryDelay=" + initialRetryDelay
                + ", maxRetryDelay=" + maxRetryDelay + ", maxBatchSize=" + maxBatchSize
                + ", maxConcurrentRequests=" + maxConcurrentRequests + ", logRequests=" + logRequests
                + ", logResponses=" + logResponses + ", imageTokenSaver=" + imageTokenSaver
                + ", customHttpClient=" + (httpClient != null) + "}";
    }

    private static void requireImagePipeline() {
        try {
            Class.forName(IMAGE_PIPELINE_CLASS, false, JinaClipApiConfig.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("imageTokenSaver needs the artifact " + IMAGE_PIPELINE_ARTIFACT
                    + " (the image pipeline), which is not on the class path: add it, the same version as"
                    + " jina-clip-api, or turn imageTokenSaver off", e);
        }
    }

    private static String resolveApiKey(String given, Function<String, String> environment) {
        String key = given != null ? given : environment.apply(API_KEY_ENV);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No Jina API key: pass one with apiKey(...) or set the environment variable "
                    + API_KEY_ENV + " (get a key at https://jina.ai/embeddings)");
        }
        if (key.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            // OkHttp would reject it later with a message that quotes the header value
            throw new IllegalArgumentException("The Jina API key contains whitespace or non-ASCII characters");
        }
        return key;
    }

    private static HttpUrl embeddingsUrl(String baseUrl) {
        HttpUrl base = HttpUrl.parse(baseUrl);
        if (base == null) {
            throw new IllegalArgumentException("baseUrl is not an http(s) URL: '" + baseUrl + "'");
        }
        HttpUrl.Builder url = base.newBuilder();
        var segments = base.pathSegments();
        // accept "https://api.jina.ai", "https://api.jina.ai/" and "https://api.jina.ai/v1"
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            url.removePathSegment(segments.size() - 1);
            segments = segments.subList(0, segments.size() - 1);
        }
        if (segments.isEmpty() || !segments.get(segments.size() - 1).equals("v1")) {
            url.addPathSegment("v1");
        }
        return url.addPathSegment("embeddings").build();
    }

    /**
     * The settings, each declared once: {@link Builder} makes a configuration of them, and the LangChain4j and
     * Spring AI adapters' builders extend this class to make their models. Unset values take the defaults that
     * each setter documents; nothing is validated before the configuration is made.
     *
     * @param <B> the type that the setters return
     */
    public abstract static class Settings<B extends Settings<B>> {
        private String apiKey;
        private String baseUrl;
        private JinaClipModel model;
        private Integer dimensions;
        private Boolean normalized;
        private EmbeddingType embeddingType;
        private Boolean truncate;
        private Duration timeout;
        private Duration connectTimeout;
        private Integer maxRetries;
        private Duration initialRetryDelay;
        private Duration maxRetryDelay;
        private Integer maxBatchSize;
        private Integer maxConcurrentRequests;
        private Boolean logRequests;
        private Boolean logResponses;
        private Boolean imageTokenSaver;
        private OkHttpClient httpClient;
        private Function<String, String> environment = System::getenv;

        /** Settings at their defaults. */
        protected Settings() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** The API key; default: the {@value #API_KEY_ENV} environment variable. */
        public B apiKey(String apiKey) {
            this.apiKey = apiKey;
            return self();
        }

        /** The API's base URL, with or without {@code /v1}; default {@value #DEFAULT_BASE_URL}. */
        public B baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return self();
        }

        /** The model; default jina-clip-v1. */
        public B model(JinaClipModel model) {
            this.model = model;
            return self();
        }

        /** The model by name ({@code jina-clip-v1} or {@code jina-clip-v2}); default jina-clip-v1. */
        public B model(String modelName) {
            this.model = modelName == null ? null : JinaClipModel.fromName(modelName);
            return self();
        }

        /** Output dimension, 1 to 1024, jina-clip-v2 only; default: the model's full dimension. */
        public B dimensions(Integer dimensions) {
            this.dimensions = dimensions;
            return self();
        }

        /** Whether the API L2-normalises vectors; default {@code true}. Always sent. */
        public B normalized(Boolean normalized) {
            this.normalized = normalized;
            return self();
        }

        /** How vectors travel; default {@link EmbeddingType#FLOAT}. */
        public B embeddingType(EmbeddingType embeddingType) {
            this.embeddingType = embeddingType;
            return self();
        }

        /** Whether the API truncates over-long inputs instead of failing; default {@code false}. Always sent. */
        public B truncate(Boolean truncate) {
            this.truncate = truncate;
            return self();
        }

        /** Limit for one HTTP attempt, connecting to reading the last byte; default 60 s. */
        public B timeout(Duration timeout) {
            this.timeout = timeout;
            return self();
        }

        /** Limit for opening a connection; default 10 s. */
        public B connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return self();
        }

        /** Retries per batch after the first attempt; default 3. */
        public B maxRetries(Integer maxRetries) {
            this.maxRetries = maxRetries;
            return self();
        }

        /** Backoff before the first retry, doubled on each further one, with jitter; default 500 ms. */
        public B initialRetryDelay(Duration initialRetryDelay) {
            this.initialRetryDelay = initialRetryDelay;
            return self();
        }

        /**
         * Longest backoff, and longest {@code Retry-After} waited for (a longer one fails the call at once, with
         * the wait in {@link JinaApiException#retryAfter()}); default 30 s.
         */
        public B maxRetryDelay(Duration maxRetryDelay) {
            this.maxRetryDelay = maxRetryDelay;
            return self();
        }

        /** Most inputs per request, 1 to 2048; default {@value #DEFAULT_MAX_BATCH_SIZE}. */
        public B maxBatchSize(Integer maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return self();
        }

        /** Most requests in flight at once on this client; default {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}. */
        public B maxConcurrentRequests(Integer maxConcurrentRequests) {
            this.maxConcurrentRequests = maxConcurrentRequests;
            return self();
        }

        /** Log each request (key redacted, image data elided) through SLF4J at INFO; default {@code false}. */
        public B logRequests(Boolean logRequests) {
            this.logRequests = logRequests;
            return self();
        }

        /** Log each response (vectors elided) through SLF4J at INFO; default {@code false}. */
        public B logResponses(Boolean logResponses) {
            this.logResponses = logResponses;
            return self();
        }

        /**
         * Whether to bring each image given as data (bytes, base64, a file) to what the model sees before upload:
         * the local backend's shortest-side bicubic resize and centre crop to the model's
         * {@link JinaClipModel#imageSize()} square, encoded losslessly as PNG, so that it is billed one tile
         * instead of one per {@link JinaClipModel#imageTileSize()} square of the original. Only images of more
         * than one tile are replaced; {@code http(s)} URLs, which the API fetches itself, and images the pipeline
         * cannot decode go as given. The tokens saved are in {@link dev.jinaclip.core.ClipUsage#imageTokensSaved()}.
         * Default {@code false}. Needs the artifact {@value JinaClipApiConfig#IMAGE_PIPELINE_ARTIFACT}.
         */
        public B imageTokenSaver(Boolean imageTokenSaver) {
            this.imageTokenSaver = imageTokenSaver;
            return self();
        }

        /**
         * A preconfigured OkHttp client (proxy, TLS, connection pool) to derive ours from; it is shared, not
         * closed. Its timeouts are replaced by {@link #timeout} and {@link #connectTimeout}.
         */
        public B httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return self();
        }

        /** Where environment variables are read; for tests. */
        B environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return self();
        }

        /**
         * The configuration of these settings.
         *
         * @throws IllegalStateException    if there is no API key, or the image token saver is on without its
         *                                  artifact
         * @throws IllegalArgumentException naming the setting, if a value is out of range
         */
        protected final JinaClipApiConfig toConfig() {
            return new JinaClipApiConfig(this);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "{apiKey=" + (apiKey == null ? "null" : "********") + ", baseUrl="
                    + baseUrl + ", model=" + model + "}";
        }
    }

    /** Collects settings; {@link #build()} applies defaults and validates. */
    public static final class Builder extends Settings<Builder> {

        private Builder() {
        }

        /**
         * The configuration.
         *
         * @throws IllegalStateException    if there is no API key, or the image token saver is on without its
         *                                  artifact
         * @throws IllegalArgumentException naming the setting, if a value is out of range
         */
        public JinaClipApiConfig build() {
            return toConfig();
        }
    }
}
