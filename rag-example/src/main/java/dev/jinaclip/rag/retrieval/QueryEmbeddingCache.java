package dev.jinaclip.rag.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedding model of the text-query retrievers, remembering the last query texts' vectors: a text query is
 * searched in two lists (passages and images), by two {@code EmbeddingStoreContentRetriever}s, and is embedded
 * once instead of twice (on the hosted backend, one billed call instead of two).
 */
final class QueryEmbeddingCache implements EmbeddingModel {

    private static final int SIZE = 256;

    private final EmbeddingModel delegate;
    private final Map<String, Embedding> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > SIZE;
        }
    };

    QueryEmbeddingCache(EmbeddingModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response<Embedding> embed(String text) {
        synchronized (cache) {
            Embedding cached = cache.get(text);
            if (cached != null) {
                return Response.from(cached);
            }
        }
        Response<Embedding> response = delegate.embed(text);
        synchronized (cache) {
            cache.put(text, response.content());
        }
        return response;
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        return delegate.embed(request);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }
}
