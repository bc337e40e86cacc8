package dev.jinaclip.rag.web;

import dev.jinaclip.rag.ingest.IndexingStatus;
import dev.jinaclip.rag.ingest.IngestionReport;
import org.jspecify.annotations.Nullable;

/**
 * What the page shows above the search box: how the app is set up and what is indexed.
 *
 * @param backend {@code onnx} (local) or {@code api} (hosted), from {@code spring.ai.jina-clip.backend}
 * @param model the embedding model's name
 * @param dimension its vector dimension
 * @param store {@code in-memory} or {@code pgvector}
 * @param corpus the corpus folder
 * @param indexing where indexing stands: state ({@code idle}, {@code indexing}, {@code ready}, {@code failed}),
 *     progress and, after a failed run, why
 * @param index the last finished ingestion run; before any, what the saved index holds
 * @param generation {@code on} or {@code off}
 * @param chatModel the chat model's name when generation is on
 * @param defaultResults results per search by default
 * @param maxResults the largest k
 * @param uploadMaxBytes the largest image upload
 */
public record StatusResponse(String backend, String model, int dimension, String store, String corpus,
        IndexingStatus indexing, IngestionReport index, String generation, @Nullable String chatModel,
        int defaultResults, int maxResults, long uploadMaxBytes) {
}
