package dev.jinaclip.rag.retrieval;

import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.router.QueryRouter;
import java.util.Collection;
import java.util.List;

/**
 * Sends every query to two retrievers, one per modality (passages, images), so that each modality is ranked
 * only against itself: text queries to the two {@code EmbeddingStoreContentRetriever}s, image queries (which
 * carry their vector) to the two {@link QueryVectorRetriever}s. The fusion then merges the two lists.
 */
final class ModalityQueryRouter implements QueryRouter {

    private final List<ContentRetriever> textQueryRetrievers;
    private final List<ContentRetriever> imageQueryRetrievers;

    ModalityQueryRouter(List<ContentRetriever> textQueryRetrievers, List<ContentRetriever> imageQueryRetrievers) {
        this.textQueryRetrievers = List.copyOf(textQueryRetrievers);
        this.imageQueryRetrievers = List.copyOf(imageQueryRetrievers);
    }

    @Override
    public Collection<ContentRetriever> route(Query query) {
        return QueryParameters.queryEmbedding(query).isPresent() ? imageQueryRetrievers : textQueryRetrievers;
    }
}
