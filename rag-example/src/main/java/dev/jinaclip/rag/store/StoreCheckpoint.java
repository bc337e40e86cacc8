package dev.jinaclip.rag.store;

/**
 * Makes the embedding store's content durable after an ingestion run: the in-memory store writes its file, a
 * database store has nothing to do.
 */
@FunctionalInterface
public interface StoreCheckpoint {

    /** Persists the store's current content. */
    void save();
}
