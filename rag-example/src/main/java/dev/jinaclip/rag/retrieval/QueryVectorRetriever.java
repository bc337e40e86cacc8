package dev.jinaclip.rag.retrieval;

import dev.jinaclip.rag.store.Modality;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.util.List;
import java.util.Map;

/**
 * A {@link ContentRetriever} for image queries: LangChain4j's {@code EmbeddingStoreContentRetriever} embeds the
 * query's text, but an image query's vector comes with the query ({@link QueryParameters#queryEmbedding}), embedded
 * once by the search. Otherwise it does what that retriever does: search one modality of the store and return
 * {@link Content}s with {@link ContentMetadata#SCORE} and {@link ContentMetadata#EMBEDDING_ID}.
 */
final class QueryVectorRetriever implements ContentRetriever {

    private final EmbeddingStore<TextSegment> store;
    private final Modality modality;
    private final double minScore;

    /**
     * @param minScore LangChain4j's relevance score, {@code (cosine + 1) / 2}, below which matches are dropped
     */
    QueryVectorRetriever(EmbeddingStore<TextSegment> store, Modality modality, double minScore) {
        this.store = store;
        this.modality = modality;
        this.minScore = minScore;
    }

    @Override
    public List<Content> retrieve(Query query) {
        Embedding vector = QueryParameters.queryEmbedding(query).orElseThrow(() -> new IllegalArgumentException(
                "An image query needs its vector in the query's parameters: " + query));
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(vector)
                .maxResults(QueryParameters.maxResults(query))
                .minScore(minScore)
                .filter(modality.filter())
                .build();
        return store.search(request).matches().stream()
                .map(match -> Content.from(match.embedded(), Map.of(ContentMetadata.SCORE, match.score(),
                        ContentMetadata.EMBEDDING_ID, match.embeddingId())))
                .toList();
    }

    @Override
    public String toString() {
        return "QueryVectorRetriever{" + modality.value() + "}";
    }
}
