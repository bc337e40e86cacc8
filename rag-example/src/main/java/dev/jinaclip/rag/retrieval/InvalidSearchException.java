package dev.jinaclip.rag.retrieval;

/** A search request that cannot be served as given (empty query, bad k, an upload that is not a usable image). */
public class InvalidSearchException extends RuntimeException {

    /** @param message what is wrong and what to do, for the user */
    public InvalidSearchException(String message) {
        super(message);
    }
}
