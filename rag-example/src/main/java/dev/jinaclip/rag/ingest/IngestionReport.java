package dev.jinaclip.rag.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one ingestion run did.
 *
 * @param files the corpus files found
 * @param added files indexed for the first time
 * @param updated files whose content changed since the last run, re-indexed
 * @param unchanged files skipped because their content hash is the one already indexed
 * @param removed files indexed before that are gone (or now excluded), removed from the store
 * @param failed files that could not be indexed, with the reason; the rest of the corpus is indexed regardless
 * @param passages passages in the index after the run
 * @param images images in the index after the run
 * @param millis how long the run took
 * @param hostedCost what embedding the indexed corpus costs on the hosted API; null while the index holds files
 *     indexed before the app counted costs (until the next run)
 */
public record IngestionReport(int files, int added, int updated, int unchanged, int removed, List<Failure> failed,
        int passages, int images, long millis, @Nullable HostedCost hostedCost) {

    /**
     * A file that could not be indexed.
     *
     * @param source its path relative to the corpus folder
     * @param reason why, in a sentence
     */
    public record Failure(String source, String reason) {
    }
}
