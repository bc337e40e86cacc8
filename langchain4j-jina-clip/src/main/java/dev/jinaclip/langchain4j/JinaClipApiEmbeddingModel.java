package dev.jinaclip.langchain4j;

import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import java.util.ArrayList;
import java.util.List;

/**
 * jina-clip text and image embeddings from the hosted Jina Embeddings API ({@code POST /v1/embeddings}).
 *
 * <p>jina-clip-v1 by default: 768 dimensions, L2-normalised, cosine similarity; jina-clip-v2 (1024 dimensions,
 * truncatable with {@code dimensions}) on request. Inputs are split into batches of at most
 * {@value JinaClipApiConfig#DEFAULT_MAX_BATCH_SIZE} (configurable up to 2048), sent with at most
 * {@value JinaClipApiConfig#DEFAULT_MAX_CONCURRENT_REQUESTS} requests in flight, retried on 408, 409, 429, 500,
 * 502, 503, 504, timeouts and connection failures, and returned in input order. Images by {@code http(s)} URL are
 * fetched by the API; {@code file:} URLs, files and base64 images are uploaded as base64 (8 MB each at most).
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
public class JinaClipApiEmbeddingModel extends JinaClipEmbeddingModel {

    /** A model over a client of {@code config}. */
    public JinaClipApiEmbeddingModel(JinaClipApiConfig config, List<EmbeddingModelListener> listeners) {
        super(new JinaClipApiClient(config), listeners);
    }

    /**
     * A builder: the settings of {@link JinaClipApiConfig.Settings} (only the API key is required, and it defaults
     * to the {@code JINA_API_KEY} variable), and listeners.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the client's settings, each documented on its setter, and listeners. */
    public static class Builder extends JinaClipApiConfig.Settings<Builder> {
        private final List<EmbeddingModelListener> listeners = new ArrayList<>();

        protected Builder() {
        }

        /** Listeners notified of each request, response and error; replaces those set before. */
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
         * @throws IllegalArgumentException naming the setting, if a value is out of range, or {@code dimensions}
         *                                  is set for v1
         */
        public JinaClipApiEmbeddingModel build() {
            return new JinaClipApiEmbeddingModel(toConfig(), listeners);
        }
    }
}
