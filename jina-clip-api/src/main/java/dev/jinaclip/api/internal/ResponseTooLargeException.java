package dev.jinaclip.api.internal;

import java.io.IOException;

/** A response body longer, or declared longer, than its {@link ResponseLimit}; nothing more of it was read. */
public final class ResponseTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    ResponseTooLargeException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The HTTP status of the response. */
    public int statusCode() {
        return statusCode;
    }
}
