package dev.jinaclip.rag.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where indexing stands: the state of the current or last ingestion run, and its progress. {@code /api/status}
 * and every search response carry it, so that results taken while a run is under way are never mistaken for
 * results over the whole corpus.
 *
 * @param state {@code idle}, {@code indexing}, {@code ready} or {@code failed} (see {@link State})
 * @param filesDone files the run has dealt with (indexed, found unchanged or reported as unusable)
 * @param filesTotal files the run found; 0 while it is still listing the corpus folder
 * @param currentFile the file being indexed, relative to the corpus folder; null when none is
 * @param error why the last run failed, in a sentence; null unless the state is {@code failed}
 */
public record IndexingStatus(State state, int filesDone, int filesTotal, @Nullable String currentFile,
        @Nullable String error) {

    /** The state of indexing. */
    public enum State {

        /** No run since the app started, and none about to ({@code rag.ingest-on-startup=false}): the index is what
         * was saved. */
        IDLE,

        /** A run is under way, or about to start at start-up: the index holds part of the corpus. */
        INDEXING,

        /** The last run finished: the index matches the corpus as it was then. */
        READY,

        /** The last run stopped (see {@code error}): the index holds what was indexed before, and part of the run. */
        FAILED;

        /** The name in JSON: {@code idle}, {@code indexing}, {@code ready}, {@code failed}. */
        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static IndexingStatus idle() {
        return new IndexingStatus(State.IDLE, 0, 0, null, null);
    }

    static IndexingStatus started() {
        return new IndexingStatus(State.INDEXING, 0, 0, null, null);
    }

    IndexingStatus indexing(int done, int total, @Nullable String file) {
        return new IndexingStatus(State.INDEXING, done, total, file, null);
    }

    IndexingStatus finished() {
        return new IndexingStatus(State.READY, filesTotal, filesTotal, null, null);
    }

    IndexingStatus failed(String reason) {
        return new IndexingStatus(State.FAILED, filesDone, filesTotal, null, reason);
    }

    /** "3 of 18 files", or "listing the files" before the run has counted them. */
    public String progress() {
        return filesTotal == 0 && state == State.INDEXING ? "listing the files"
                : filesDone + " of " + filesTotal + (filesTotal == 1 ? " file" : " files");
    }
}
