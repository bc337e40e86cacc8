package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.api.JinaClipApiConfig;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Settings of jina-clip under {@value #CONFIG_PREFIX}: the backend, and the hosted backend's settings, flat as
 * Spring AI 2.0's; {@code normalized} and {@code max-batch-size} apply to the local backend too, whose own settings
 * are {@link JinaClipOnnxProperties} ({@code onnx.*}). Each is named as the engine's setting and unset means the
 * engine's default; the engine checks the values when it is built.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(JinaClipProperties.CONFIG_PREFIX)
public class JinaClipProperties {

    /** The prefix of every property. */
    public static final String CONFIG_PREFIX = "spring.ai.jina-clip";

    /** Where jina-clip runs: api (the hosted Jina Embeddings API) or onnx (in-process ONNX Runtime). */
    private Backend backend = Backend.API;

    /** The Jina API key; never logged. Default: the JINA_API_KEY property or environment variable. */
    private @Nullable String apiKey;

    /** The Jina API's base URL, with or without /v1. */
    private @Nullable String baseUrl;

    /** The model: jina-clip-v1, or jina-clip-v2 (hosted backend only). */
    private @Nullable String model;

    /** Output dimension, 1 to the model's, jina-clip-v2 only (hosted backend). Default: the model's full dimension. */
    private @Nullable Integer dimensions;

    /** Whether vectors are L2-normalised (both backends). */
    private @Nullable Boolean normalized;

    /** How the hosted API returns vectors: float, or base64 (a quarter of the size, the same values). */
    private @Nullable EmbeddingType embeddingType;

    /** Whether the hosted API truncates a text longer than the model takes instead of failing. */
    private @Nullable Boolean truncate;

    /** Limit for one API request attempt, from connecting to reading the last byte (hosted backend). */
    private @Nullable Duration timeout;

    /** Limit for opening a connection to the API (hosted backend). */
    private @Nullable Duration connectTimeout;

    /** Retries of a failed API request (429, 5xx, timeouts), after the first attempt (hosted backend). */
    private @Nullable Integer maxRetries;

    /** Backoff before the first retry, doubled on each further one (hosted backend). */
    private @Nullable Duration initialRetryDelay;

    /** Longest backoff, and longest Retry-After waited for (hosted backend). */
    private @Nullable Duration maxRetryDelay;

    /** Most inputs per API request, up to the API's limit (hosted), or texts per inference batch (local). */
    private @Nullable Integer maxBatchSize;

    /** Most API requests in flight at once (hosted backend). */
    private @Nullable Integer maxConcurrentRequests;

    /** Log each API request at INFO, key redacted and image data elided (hosted backend). */
    private @Nullable Boolean logRequests;

    /** Log each API response at INFO, vectors elided (hosted backend). */
    private @Nullable Boolean logResponses;

    /**
     * Upload each image given as data, of more than one tile, as the model's input (resized and centre-cropped to
     * the model's image size, PNG), billed one tile (hosted backend; needs dev.jinaclip:jina-clip-image).
     */
    private @Nullable Boolean imageTokenSaver;


    public @Nullable String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public @Nullable String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(@Nullable String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public @Nullable String getModel() {
        return model;
    }

    public void setModel(@Nullable String model) {
        this.model = model;
    }

    public @Nullable Integer getDimensions() {
        return dimensions;
    }

    public void setDimensions(@Nullable Integer dimensions) {
        this.dimensions = dimensions;
    }

    public @Nullable Boolean getNormalized() {
        return normalized;
    }

    public void setNormalized(@Nullable Boolean normalized) {
        this.normalized = normalized;
    }

    public @Nullable EmbeddingType getEmbeddingType() {
        return embeddingType;
    }

    public void setEmbeddingType(@Nullable EmbeddingType embeddingType) {
        this.embeddingType = embeddingType;
    }

    public @Nullable Boolean getTruncate() {
        return truncate;
    }

    public void setTruncate(@Nullable Boolean truncate) {
        this.truncate = truncate;
    }

    public @Nullable Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(@Nullable Duration timeout) {
        this.timeout = timeout;
    }

    public @Nullable Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(@Nullable Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public @Nullable Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(@Nullable Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public @Nullable Duration getInitialRetryDelay() {
        return initialRetryDelay;
    }

    public void setInitialRetryDelay(@Nullable Duration initialRetryDelay) {
        this.initialRetryDelay = initialRetryDelay;
    }

    public @Nullable Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(@Nullable Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public @Nullable Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(@Nullable Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public @Nullable Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(@Nullable Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public @Nullable Boolean getLogRequests() {
        return logRequests;
    }

    public void setLogRequests(@Nullable Boolean logRequests) {
        this.logRequests = logRequests;
    }

    public @Nullable Boolean getLogResponses() {
        return logResponses;
    }

    public void setLogResponses(@Nullable Boolean logResponses) {
        this.logResponses = logResponses;
    }

    public @Nullable Boolean getImageTokenSaver() {
        return imageTokenSaver;
    }

    public void setImageTokenSaver(@Nullable Boolean imageTokenSaver) {
        this.imageTokenSaver = imageTokenSaver;
    }

    public Backend getBackend() {
        return backend;
    }

    public void setBackend(Backend backend) {
        this.backend = backend;
    }

    /**
     * The hosted backend's configuration of these properties.
     *
     * @param environment where the {@value JinaClipApiConfig#API_KEY_ENV} property or environment variable is
     *                    read when {@code api-key} is not set
     * @throws IllegalStateException    if there is no API key
     * @throws IllegalArgumentException naming the setting, if a value is out of range
     */
    public JinaClipApiConfig toConfig(PropertyResolver environment) {
        // the application's Environment, which holds the OS environment too, is the one place the key is read
        // from: an empty key makes the engine report it missing rather than look elsewhere
        String key = StringUtils.hasText(apiKey) ? apiKey
                : environment.getProperty(JinaClipApiConfig.API_KEY_ENV, "");
        return JinaClipApiConfig.builder()
                .apiKey(key)
                .baseUrl(baseUrl)
                .model(model)
                .dimensions(dimensions)
                .normalized(normalized)
                .embeddingType(embeddingType)
                .truncate(truncate)
                .timeout(timeout)
                .connectTimeout(connectTimeout)
                .maxRetries(maxRetries)
                .initialRetryDelay(initialRetryDelay)
                .maxRetryDelay(maxRetryDelay)
                .maxBatchSize(maxBatchSize)
                .maxConcurrentRequests(maxConcurrentRequests)
                .logRequests(logRequests)
                .logResponses(logResponses)
                .imageTokenSaver(imageTokenSaver)
                .build();
    }

    /** Where jina-clip runs. */
    public enum Backend {
        /** The hosted Jina Embeddings API: needs an API key and network access. */
        API,
        /** In-process ONNX Runtime: needs the artifact jina-clip-onnx and the model files (downloaded once). */
        ONNX;

        /** As the property is written ({@code api}, {@code onnx}): Spring Boot's failure report lists these. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
