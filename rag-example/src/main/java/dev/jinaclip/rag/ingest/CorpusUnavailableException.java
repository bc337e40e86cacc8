package dev.jinaclip.rag.ingest;

/**
 * The corpus folder ({@code rag.corpus-dir}) is missing, is not a folder or cannot be listed: a set-up problem,
 * expected, so it is logged in one line without a stack trace.
 */
public class CorpusUnavailableException extends IngestionFailedException {

    CorpusUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
