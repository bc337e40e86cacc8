package dev.jinaclip.api;

import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.internal.RetryableStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failed call to the Jina Embeddings API, with everything the API said about it.
 *
 * <p>Thrown by {@link JinaClipApiClient}. The LangChain4j and Spring AI adapters rethrow it as their own
 * exception types (for example LangChain4j's {@code AuthenticationException} or {@code RateLimitException})
 * with this exception as the cause; {@link #findIn(Throwable)} gets it back. Messages never contain the API
 * key or image data: where the server quotes the key, in any field or header, it shows as {@code ********}.
 */
public final class JinaApiException extends JinaClipException {

    private static final long serialVersionUID = 1L;

    /** What went wrong with the call. */
    public enum Failure {
        /** The API answered with a non-2xx HTTP status. */
        HTTP_ERROR,
        /** An attempt did not finish within the configured timeout. */
        TIMEOUT,
        /** The connection failed (DNS, refused, reset, TLS). */
        CONNECTION_FAILURE,
        /**
         * The answer cannot be used: a 2xx body that is not a complete, well-formed embedding response (including
         * a NaN or infinite vector component), or a body of any status longer than the batch can need.
         */
        INVALID_RESPONSE,
        /** The calling thread was interrupted. */
        INTERRUPTED
    }

    private final Failure failure;
    private final int statusCode;
    private final String code;
    private final String detail;
    private final List<String> validationErrors;
    private final String requestId;
    private final int fromInput;
    private final int toInput;
    private final int attempts;
    private final Duration retryAfter;

    private JinaApiException(Builder builder) {
        super(builder.failure == Failure.INTERRUPTED ? Kind.CANCELLED : Kind.API, retryable(builder),
                message(builder), builder.cause);
        this.failure = builder.failure;
        this.statusCode = builder.statusCode;
        this.code = builder.code;
        this.detail = builder.detail;
        this.validationErrors = List.copyOf(builder.validationErrors);
        this.requestId = builder.requestId;
        this.fromInput = builder.fromInput;
        this.toInput = builder.toInput;
        this.attempts = builder.attempts;
        this.retryAfter = builder.retryAfter;
    }

    /** What went wrong with the call; {@link #kind()} is {@code API}, or {@code CANCELLED} when interrupted. */
    public Failure failure() {
        return failure;
    }

    /** The HTTP status of the last attempt, or 0 when no response came. */
    public int statusCode() {
        return statusCode;
    }

    /** The API's error {@code code} (for example {@code AUTH_INVALID_API_KEY}), if it sent one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The API's {@code detail}: its text, or the validation errors joined with "; ". */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** Each validation error the API listed (422 responses), as "location: message"; empty if none. */
    public List<String> validationErrors() {
        return validationErrors;
    }

    /** The API's {@code request_id}, to quote to Jina support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Position of the failed batch's first input in the caller's list. */
    public int fromInput() {
        return fromInput;
    }

    /** Position after the failed batch's last input in the caller's list (exclusive). */
    public int toInput() {
        return toInput;
    }

    /** How many HTTP attempts were made for the failed batch. */
    public int attempts() {
        return attempts;
    }

    /** The wait the API asked for with {@code Retry-After} on the last attempt, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    // the same request may succeed later: timeouts, connection failures, 408, 409, 429, 500, 502, 503, 504
    private static boolean retryable(Builder b) {
        return switch (b.failure) {
            case TIMEOUT, CONNECTION_FAILURE -> true;
            case HTTP_ERROR -> RetryableStatus.isRetryable(b.statusCode);
            case INVALID_RESPONSE, INTERRUPTED -> false;
        };
    }

    /** The {@code JinaApiException} that is {@code error} or one of its causes, if any. */
    public static Optional<JinaApiException> findIn(Throwable error) {
        return find(error, JinaApiException.class);
    }

    static Builder builder(Failure failure, int fromInput, int toInput) {
        return new Builder(failure, fromInput, toInput);
    }

    private static String message(Builder b) {
        StringBuilder m = new StringBuilder("Jina API ");
        switch (b.failure) {
            case HTTP_ERROR -> m.append("returned HTTP ").append(b.statusCode);
            case TIMEOUT -> m.append("call timed out");
            case CONNECTION_FAILURE -> m.append("connection failed");
            case INVALID_RESPONSE -> m.append("returned an invalid response (HTTP ").append(b.statusCode).append(')');
            case INTERRUPTED -> m.append("call was interrupted");
        }
        if (b.code != null) {
            m.append(" ").append(b.code);
        }
        m.append(" for inputs ").append(b.fromInput).append("..").append(b.toInput - 1);
        if (b.attempts > 1) {
            m.append(" after ").append(b.attempts).append(" attempts");
        }
        if (b.detail != null) {
            m.append(": ").append(b.detail);
        }
        if (b.retryAfter != null) {
            m.append(" (Retry-After ").append(b.retryAfter.toMillis()).append(" ms)");
        }
        if (b.requestId != null) {
            m.append(" [request_id ").append(b.requestId).append(']');
        }
        return m.toString();
    }

    static final class Builder {
        private final Failure failure;
        private final int fromInput;
        private final int toInput;
        private int statusCode;
        private String code;
        private String detail;
        private List<String> validationErrors = List.of();
        private String requestId;
        private int attempts = 1;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(Failure failure, int fromInput, int toInput) {
            this.failure = failure;
            this.fromInput = fromInput;
            this.toInput = toInput;
        }

        Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        Builder code(String code) {
            this.code = code;
            return this;
        }

        Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        Builder validationErrors(List<String> validationErrors) {
            this.validationErrors = validationErrors;
            return this;
        }

        Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        JinaApiException build() {
            return new JinaApiException(this);
        }
    }
}
