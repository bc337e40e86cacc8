package dev.jinaclip.rag.ingest;

/**
 * An ingestion run that stopped before the end: the corpus folder is missing, or the embedding model or the store
 * failed as a whole (no network, a rejected API key, a database that is down). The message says why, naming the
 * file the run was at; the index keeps what was indexed before.
 */
public class IngestionFailedException extends RuntimeException {

    IngestionFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
