package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.onnx.OnnxVariant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Settings of jina-clip under {@value #CONFIG_PREFIX}: flat, as Spring AI 2.0's, with the local backend's own
 * settings under {@code onnx.*}. Settings of the other backend are ignored, except that those it cannot serve
 * ({@code dimensions} on the local backend, say) are rejected. The values are checked when they are bound, with
 * messages that name the property.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(JinaClipProperties.CONFIG_PREFIX)
public class JinaClipProperties implements Validator {

    /** The prefix of every property. */
    public static final String CONFIG_PREFIX = "spring.ai.jina-clip";

    /** Where jina-clip runs: api (the hosted Jina Embeddings API) or onnx (in-process ONNX Runtime). */
    private Backend backend = Backend.API;

    /** The Jina API key (hosted backend). Default: the JINA_API_KEY property or environment variable. */
    private @Nullable String apiKey;

    /** The Jina API's base URL, with or without /v1 (hosted backend). */
    private String baseUrl = "https://api.jina.ai";

    /** The model: jina-clip-v1, or jina-clip-v2 (hosted backend only). */
    private String model = "jina-clip-v1";

    /** Output dimension, 1 to 1024, jina-clip-v2 only. Default: the model's full dimension. */
    private @Nullable Integer dimensions;

    /** Whether vectors are L2-normalised. */
    private boolean normalized = true;

    /** How the hosted API returns vectors: float, or base64 (a quarter of the size, the same values). */
    private EmbeddingType embeddingType = EmbeddingType.FLOAT;

    /** Most inputs per API request (1 to 2048) or per ONNX inference batch. Default: 64 (api), 32 (onnx). */
    private @Nullable Integer maxBatchSize;

    /** Most API requests in flight at once, 5 being the free tier's limit (hosted backend). */
    private int maxConcurrentRequests = 5;

    /** Limit for one API request attempt, from connecting to reading the last byte (hosted backend). */
    private Duration timeout = Duration.ofSeconds(60);

    /** Retries of a failed API request (429, 5xx, timeouts), after the first attempt (hosted backend). */
    private int maxRetries = 3;

    /** The local backend. */
    private final Onnx onnx = new Onnx();

    public Backend getBackend() {
        return backend;
    }

    public void setBackend(Backend backend) {
        this.backend = backend;
    }

    public @Nullable String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public @Nullable Integer getDimensions() {
        return dimensions;
    }

    public void setDimensions(@Nullable Integer dimensions) {
        this.dimensions = dimensions;
    }

    public boolean isNormalized() {
        return normalized;
    }

    public void setNormalized(boolean normalized) {
        this.normalized = normalized;
    }

    public EmbeddingType getEmbeddingType() {
        return embeddingType;
    }

    public void setEmbeddingType(EmbeddingType embeddingType) {
        this.embeddingType = embeddingType;
    }

    public @Nullable Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(@Nullable Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Onnx getOnnx() {
        return onnx;
    }

    @Override
    public boolean supports(Class<?> type) {
        return JinaClipProperties.class.isAssignableFrom(type);
    }

    /** Checks every value and how they combine; each error names its property and what to set. */
    @Override
    public void validate(Object target, Errors errors) {
        JinaClipPropertiesValidator.validate((JinaClipProperties) target, errors);
    }

    /** Where jina-clip runs. */
    public enum Backend {
        /** The hosted Jina Embeddings API: needs an API key and network access. */
        API,
        /** In-process ONNX Runtime: needs the model files (about 900 MB, downloaded once) and native libraries. */
        ONNX;

        /** As the property is written ({@code api}, {@code onnx}): Spring Boot's failure report lists these. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Settings of the local backend. */
    public static class Onnx {

        /** A local folder laid out like the Hugging Face repo jinaai/jina-clip-v1; set, nothing is downloaded. */
        private @Nullable Path modelDir;

        /** The Hugging Face cache. Default: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub. */
        private @Nullable Path cacheDir;

        /** The branch, tag or commit of jinaai/jina-clip-v1 to download; a commit hash pins the files. */
        private String revision = "main";

        /** The ONNX export to load: fp32 (the reference), fp16, int8, uint8, quantized, q4 or bnb4. */
        private OnnxVariant variant = OnnxVariant.FP32;

        /** Most tokens per text, 3 to 8192, special tokens included; longer texts are truncated. */
        private int maxTextTokens = 512;

        /** ONNX Runtime intra-op threads per session. Default: the available processors. */
        private @Nullable Integer intraOpThreads;

        /** Use the Hugging Face cache only, never the network. Default: HF_HUB_OFFLINE, else false. */
        private @Nullable Boolean offline;

        public @Nullable Path getModelDir() {
            return modelDir;
        }

        public void setModelDir(@Nullable Path modelDir) {
            this.modelDir = modelDir;
        }

        public @Nullable Path getCacheDir() {
            return cacheDir;
        }

        public void setCacheDir(@Nullable Path cacheDir) {
            this.cacheDir = cacheDir;
        }

        public String getRevision() {
            return revision;
        }

        public void setRevision(String revision) {
            this.revision = revision;
        }

        public OnnxVariant getVariant() {
            return variant;
        }

        public void setVariant(OnnxVariant variant) {
            this.variant = variant;
        }

        public int getMaxTextTokens() {
            return maxTextTokens;
        }

        public void setMaxTextTokens(int maxTextTokens) {
            this.maxTextTokens = maxTextTokens;
        }

        public @Nullable Integer getIntraOpThreads() {
            return intraOpThreads;
        }

        public void setIntraOpThreads(@Nullable Integer intraOpThreads) {
            this.intraOpThreads = intraOpThreads;
        }

        public @Nullable Boolean getOffline() {
            return offline;
        }

        public void setOffline(@Nullable Boolean offline) {
            this.offline = offline;
        }
    }
}
