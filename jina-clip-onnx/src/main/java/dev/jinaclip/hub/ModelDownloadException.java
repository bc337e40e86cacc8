package dev.jinaclip.hub;

import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.internal.RetryableStatus;
import java.util.Optional;

/**
 * Model files could not be fetched from the Hugging Face Hub or found in the local cache.
 *
 * <p>Thrown by {@link HuggingFaceHub#snapshot}. The message names the repository, revision and file concerned
 * and says what to do; it never contains the access token, nor the signed query string of a CDN link.
 * {@link #failure()} tells the failures apart; {@link #isRetryable()} says whether running again may help.
 */
public final class ModelDownloadException extends JinaClipException {

    private static final long serialVersionUID = 1L;

    /** What went wrong with the download. */
    public enum Failure {
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

    private final Failure failure;
    private final int statusCode;

    /**
     * A failure.
     *
     * @param failure    what went wrong
     * @param message    what happened and what to do; must not contain credentials
     * @param statusCode the HTTP status, or 0 when no response came
     * @param cause      the underlying exception, or {@code null}
     */
    public ModelDownloadException(Failure failure, String message, int statusCode, Throwable cause) {
        super(failure == Failure.INTERRUPTED ? Kind.CANCELLED : Kind.MODEL_DOWNLOAD, retryable(failure, statusCode),
                message, cause);
        this.failure = failure;
        this.statusCode = statusCode;
    }

    /** What went wrong with the download; {@link #kind()} is {@code MODEL_DOWNLOAD}, or {@code CANCELLED}. */
    public Failure failure() {
        return failure;
    }

    /** The HTTP status of the failed response, or 0 when none came. */
    public int statusCode() {
        return statusCode;
    }

    // the same call may succeed later: network failures, retryable statuses, interrupted calls, and integrity
    // failures (the bad bytes were deleted, so the next call downloads afresh)
    private static boolean retryable(Failure failure, int statusCode) {
        return switch (failure) {
            case NETWORK, INTERRUPTED, INTEGRITY -> true;
            case HTTP_ERROR -> RetryableStatus.isRetryable(statusCode);
            case UNAUTHORIZED, NOT_FOUND, INVALID_RESPONSE, NOT_CACHED, DISK -> false;
        };
    }

    /** The {@code ModelDownloadException} that is {@code error} or one of its causes, if any. */
    public static Optional<ModelDownloadException> findIn(Throwable error) {
        return find(error, ModelDownloadException.class);
    }
}
