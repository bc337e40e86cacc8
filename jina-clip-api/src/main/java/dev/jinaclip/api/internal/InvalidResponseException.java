package dev.jinaclip.api.internal;

/** A 2xx response whose body is not a complete, well-formed answer to the request that was sent. */
public final class InvalidResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidResponseException(String message) {
        super(message);
    }

    public InvalidResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
