package dev.jinaclip.rag.ingest;

/** A run was asked for while another one is under way: runs do not queue, the caller tries again later. */
public class IngestionInProgressException extends RuntimeException {

    IngestionInProgressException(IndexingStatus status) {
        super("Indexing is already under way (" + status.progress() + " done); GET /api/status shows its"
                + " progress. Try again when it has finished.");
    }
}
