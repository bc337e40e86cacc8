package dev.jinaclip.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure of a jina-clip backend: what went wrong, and whether the same call may succeed if made again. The
 * hosted API's, the model download's, inference's and image errors extend it; the LangChain4j and Spring AI
 * adapters map it by {@link #isRetryable()}. An input rejected before any work is an
 * {@link IllegalArgumentException} instead.
 */
public class JinaClipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Kind {
        /** An input that the backend cannot use, such as an image that does not decode: a caller error. */
        INVALID_INPUT,
        /** Fetching an image given by URL. */
        REMOTE_IMAGE,
        /** A call of the hosted API. */
        API,
        /** Downloading or finding model files. */
        MODEL_DOWNLOAD,
        /** In-process inference, or loading the model for it. */
        INFERENCE,
        /** The call was interrupted, or the engine was closed or the JVM shut down under it. */
        CANCELLED
    }

    private final Kind kind;
    private final boolean retryable;

    /** A failure of that kind; {@code retryable} when the same call may succeed later. */
    public JinaClipException(Kind kind, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryable = retryable;
    }

    /** A failure of that kind, without cause. */
    public JinaClipException(Kind kind, boolean retryable, String message) {
        this(kind, retryable, message, null);
    }

    /** What failed. */
    public Kind kind() {
        return kind;
    }

    /** Whether the same call may succeed if made again, after any retries the backend made itself. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The first {@code type} in {@code error}'s cause chain, {@code error} included. */
    public static <T extends JinaClipException> Optional<T> find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
