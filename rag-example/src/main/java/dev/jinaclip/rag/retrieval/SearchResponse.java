package dev.jinaclip.rag.retrieval;

import dev.jinaclip.rag.ingest.IndexingStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a search returns: one ranked list mixing passages and images, and the answer when generation is on.
 *
 * @param query the query text, or a description of the uploaded image
 * @param kind {@code text} or {@code image}
 * @param k the number of results asked for
 * @param results the fused ranking, best first
 * @param answer the chat model's answer, for text queries when a chat model is configured; else null
 * @param generation {@code on} when a chat model is configured, {@code off} when the app runs retrieval-only
 * @param indexing where indexing stood when the search began: while it is {@code indexing}, the results come from
 *     the part of the corpus indexed so far; after a {@code failed} run, from what was indexed before
 */
public record SearchResponse(String query, String kind, int k, List<SearchHit> results, @Nullable Answer answer,
        String generation, IndexingStatus indexing) {

    /**
     * An answer written by the chat model from the top results.
     *
     * @param text the answer, citing results as [n] (their rank)
     * @param citations the ranks it cites
     * @param model the chat model's name
     * @param error why there is no answer (the chat model failed); null when there is one
     */
    public record Answer(@Nullable String text, List<Integer> citations, String model, @Nullable String error) {
    }
}
