package dev.jinaclip.langchain4j;

import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.api.JinaClipModelName;
import dev.jinaclip.langchain4j.internal.ContentMapper;
import dev.jinaclip.langchain4j.internal.ExceptionMapper;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * jina-clip text and image embeddings from the hosted Jina Embeddings API ({@code POST /v1/embeddings}).
 *
 * <p>jina-clip-v1 by default: 768 dimensions, L2-normalised, cosine similarity; jina-clip-v2 (1024 dimensions,
 * truncatable with {@code dimensions}) on request. Inputs are split into batches of at most
 * {@value JinaClipApiConfig#DEFAULT_MAX_BATCH_SIZE} (configurable up to 2048), sent with at most
 * {@value JinaClipApiConfig#DEFAULT_MAX_CONCURRENT_REQUESTS} requests in flight, retried on 408, 409, 429, 500, 502,
 * 503, 504, timeouts and connection failures, and returned in input order. Images by {@code http(s)} URL are fetched by the API;
 * {@code file:} URLs, files and base64 images are uploaded as base64 (8 MB each at most).
 *
 * <p>Failures are LangChain4j exceptions ({@code AuthenticationException}, {@code RateLimitException},
 * {@code InvalidRequestException}, {@code TimeoutException}, ...) whose cause is a {@link JinaApiException}
 * with the HTTP status, the API's {@code code}, {@code detail} and {@code request_id}, and the failed batch's
 * input range. Thread-safe; share one instance, and {@link #close()} it when done.
 *
 * <pre>{@code
 * var model = JinaClipApiEmbeddingModel.builder().build(); // key from JINA_API_KEY
 * Embedding text = model.embed("a red bicycle").content();
 * Embedding image = model.embed(Image.builder().url("https://example.com/bike.jpg").build()).content();
 * }</pre>
 */
public class JinaClipApiEmbeddingModel implements MultimodalEmbeddingModel, AutoCloseable {

    private final JinaClipApiClient client;
    private final List<EmbeddingModelListener> listeners;

    protected JinaClipApiEmbeddingModel(Builder builder) {
        this.client = new JinaClipApiClient(builder.config.build());
        this.listeners = List.copyOf(builder.listeners);
    }

    /** A builder; only the API key is required, and it defaults to the {@code JINA_API_KEY} variable. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        try {
            return ContentMapper.toResponse(
                    client.embed(ContentMapper.toClipInputs(request), ContentMapper.inputType(request)));
        } catch (JinaApiException e) {
            throw ExceptionMapper.map(e);
        }
    }

    /**
     * {@code INPUT_TYPE}: jina-clip-v2 embeds {@code QUERY} texts with its {@code retrieval.query} task;
     * jina-clip-v1 is symmetric and embeds queries and documents alike.
     */
    @Override
    public Set<EmbeddingParameter<?>> supportedParameters() {
        return Set.of(EmbeddingRequestParameters.INPUT_TYPE);
    }

    /** 768 for jina-clip-v1; 1024 or the configured {@code dimensions} for jina-clip-v2. No network call. */
    @Override
    public int dimension() {
        return client.config().dimension();
    }

    @Override
    public String modelName() {
        return client.config().model().apiName();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.JINA;
    }

    @Override
    public List<EmbeddingModelListener> listeners() {
        return listeners;
    }

    /** Stops the batch threads; an OkHttp client passed to the builder stays open. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "JinaClipApiEmbeddingModel{" + client.config() + "}";
    }

    /** Collects settings; see each method for its default. */
    public static class Builder {
        private final JinaClipApiConfig.Builder config = JinaClipApiConfig.builder();
        private final List<EmbeddingModelListener> listeners = new ArrayList<>();

        protected Builder() {
        }

        /** The Jina API key; default: the {@code JINA_API_KEY} environment variable. Never logged. */
        public Builder apiKey(String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        /** The API's base URL, with or without {@code /v1}; default {@code https://api.jina.ai}. */
        public Builder baseUrl(String baseUrl) {
            config.baseUrl(baseUrl);
            return this;
        }

        /** {@code jina-clip-v1} (default) or {@code jina-clip-v2}. */
        public Builder modelName(String modelName) {
            config.modelName(modelName);
            return this;
        }

        /** The model; default {@link JinaClipModelName#JINA_CLIP_V1}. */
        public Builder modelName(JinaClipModelName modelName) {
            config.model(modelName);
            return this;
        }

        /** Output dimension, 1 to 1024, jina-clip-v2 only (rejected for v1); default: the full dimension. */
        public Builder dimensions(Integer dimensions) {
            config.dimensions(dimensions);
            return this;
        }

        /** Whether vectors are L2-normalised by the API; default {@code true}, always sent. */
        public Builder normalized(Boolean normalized) {
            config.normalized(normalized);
            return this;
        }

        /** {@code FLOAT} (default) or {@code BASE64}, which is smaller on the wire; same values either way. */
        public Builder embeddingType(EmbeddingType embeddingType) {
            config.embeddingType(embeddingType);
            return this;
        }

        /** Whether the API truncates over-long texts instead of failing; default {@code false}, always sent. */
        public Builder truncate(Boolean truncate) {
            config.truncate(truncate);
            return this;
        }

        /** Limit for one HTTP attempt, connecting to reading the last byte; default 60 s. */
        public Builder timeout(Duration timeout) {
            config.timeout(timeout);
            return this;
        }

        /** Limit for opening a connection; default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            config.connectTimeout(connectTimeout);
            return this;
        }

        /** Retries per batch after the first attempt; default 3. */
        public Builder maxRetries(Integer maxRetries) {
            config.maxRetries(maxRetries);
            return this;
        }

        /** Backoff before the first retry, doubled for each further one, with jitter; default 500 ms. */
        public Builder initialRetryDelay(Duration initialRetryDelay) {
            config.initialRetryDelay(initialRetryDelay);
            return this;
        }

        /** Longest backoff, and longest {@code Retry-After} waited for; default 30 s. */
        public Builder maxRetryDelay(Duration maxRetryDelay) {
            config.maxRetryDelay(maxRetryDelay);
            return this;
        }

        /** Most inputs per request, 1 to 2048; default {@value JinaClipApiConfig#DEFAULT_MAX_BATCH_SIZE}. */
        public Builder maxBatchSize(Integer maxBatchSize) {
            config.maxBatchSize(maxBatchSize);
            return this;
        }

        /** Most requests in flight at once; default 5, the free tier's limit. */
        public Builder maxConcurrentRequests(Integer maxConcurrentRequests) {
            config.maxConcurrentRequests(maxConcurrentRequests);
            return this;
        }

        /** Log requests at INFO, key redacted and image data elided; default {@code false}. */
        public Builder logRequests(Boolean logRequests) {
            config.logRequests(logRequests);
            return this;
        }

        /** Log responses at INFO, vectors elided; default {@code false}. */
        public Builder logResponses(Boolean logResponses) {
            config.logResponses(logResponses);
            return this;
        }

        /** A preconfigured OkHttp client (proxy, TLS, pools) to derive ours from; it is not closed. */
        public Builder httpClient(OkHttpClient httpClient) {
            config.httpClient(httpClient);
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
         * The model.
         *
         * @throws IllegalStateException    if there is no API key (the message says how to set one)
         * @throws IllegalArgumentException if a value is out of range, or {@code dimensions} is set for v1
         */
        public JinaClipApiEmbeddingModel build() {
            return new JinaClipApiEmbeddingModel(this);
        }

        @Override
        public String toString() {
            return "JinaClipApiEmbeddingModel.Builder{" + config + "}";
        }
    }
}
