package dev.jinaclip.rag.ingest;

/** A corpus file that cannot be indexed (unreadable, not UTF-8, not a decodable image, empty): skipped, reported. */
final class UnusableFileException extends Exception {

    UnusableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
