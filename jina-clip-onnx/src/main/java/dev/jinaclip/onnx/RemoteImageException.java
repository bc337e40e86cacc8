package dev.jinaclip.onnx;

import dev.jinaclip.core.JinaClipException;

/**
 * An image given by {@code http(s)} URL could not be fetched: the server answered an error status, sent something
 * other than an image or more than {@code maxImageBytes}, a time limit ran out, or the URL (or a redirect) is
 * refused by {@code imageHosts} or {@code allowPrivateImageAddresses}. Retryable after a time limit, a
 * connection failure or a retryable status (408, 409, 429, 5xx), as the hosted backend is for the same URL. The
 * message names the input's position and the URL.
 */
public final class RemoteImageException extends JinaClipException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    RemoteImageException(Kind kind, boolean retryable, String message, int statusCode, Throwable cause) {
        super(kind, retryable, message, cause);
        this.statusCode = statusCode;
    }

    /** The image server's HTTP status, or 0 when no answer came. */
    public int statusCode() {
        return statusCode;
    }

    /** An error status or an answer that cannot be used. */
    public static RemoteImageException answered(String message, int statusCode, boolean retryable) {
        return new RemoteImageException(Kind.REMOTE_IMAGE, retryable, message, statusCode, null);
    }

    /** A URL or an address that the host settings refuse: not retryable, since it stays refused. */
    public static RemoteImageException refused(String message) {
        return new RemoteImageException(Kind.REMOTE_IMAGE, false, message, 0, null);
    }

    /** No usable answer: a time limit, a connection failure. */
    public static RemoteImageException failed(String message, Throwable cause) {
        return new RemoteImageException(Kind.REMOTE_IMAGE, true, message, 0, cause);
    }

    /** The download was stopped because the model is closing. */
    public static RemoteImageException cancelled(String message) {
        return new RemoteImageException(Kind.CANCELLED, false, message, 0, null);
    }
}
