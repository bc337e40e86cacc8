package dev.jinaclip.hub;

import java.util.Optional;

/**
 * Model files could not be fetched from the Hugging Face Hub or found in the local cache.
 *
 * <p>Thrown by {@link HuggingFaceHub#snapshot}. The message names the repository, revision and file concerned
 * and says what to do; it never contains the access token, nor the signed query string of a CDN link.
 * {@link #kind()} tells the failures apart; {@link #isRetryable()} says whether running again may help.
 */
public final class ModelDownloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** HTTP 401 or 403: the repository is private or gated, or the token was rejected. Set {@code HF_TOKEN}. */
        UNAUTHORIZED,
        /** HTTP 404: the repository, the revision or the file does not exist. */
        NOT_FOUND,
        /** The Hub or its CDN could not be reached, or the connection failed repeatedly mid-download. */
        NETWORK,
        /** Another HTTP status, for example 429 or 5xx after the retries. */
        HTTP_ERROR,
        /** The server's answer lacked what the Hub always sends (commit, ETag): likely a proxy or wrong endpoint. */
        INVALID_RESPONSE,
        /** The downloaded bytes do not match the expected SHA-256 or size; the partial file was deleted. */
        INTEGRITY,
        /** Offline mode ({@code HF_HUB_OFFLINE}) is on and the cache lacks some of the files. */
        NOT_CACHED,
        /** The cache could not be read or written (permissions, full disk, not a folder). */
        DISK,
        /** The calling thread was interrupted; a partial download is kept and resumes next time. */
        INTERRUPTED
    }

    private final Kind kind;
    private final int statusCode;

    /**
     * A failure.
     *
     * @param kind       what went wrong
     * @param message    what happened and what to do; must not contain credentials
     * @param statusCode the HTTP status, or 0 when no response came
     * @param cause      the underlying exception, or {@code null}
     */
    public ModelDownloadException(Kind kind, String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.statusCode = statusCode;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the failed response, or 0 when none came. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Whether the same call may succeed later: network failures, 408, 429 and 5xx, interrupted calls, and
     * integrity failures (the bad bytes were deleted, so the next call downloads afresh).
     */
    public boolean isRetryable() {
        return switch (kind) {
            case NETWORK, INTERRUPTED, INTEGRITY -> true;
            case HTTP_ERROR -> statusCode == 408 || statusCode == 429 || statusCode >= 500;
            case UNAUTHORIZED, NOT_FOUND, INVALID_RESPONSE, NOT_CACHED, DISK -> false;
        };
    }

    /** The {@code ModelDownloadException} that is {@code error} or one of its causes, if any. */
    public static Optional<ModelDownloadException> findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ModelDownloadException download) {
                return Optional.of(download);
            }
        }
        return Optional.empty();
    }
}
