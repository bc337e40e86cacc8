package dev.jinaclip.langchain4j.internal;

import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.core.JinaClipException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;

/**
 * Rethrows a {@link JinaClipException} of any backend as the LangChain4j exception a caller catches, with the same
 * message and the {@code JinaClipException} (for the hosted API a {@link JinaApiException}: status, code, detail,
 * request id, input range) as its cause: a {@link RetriableException} exactly when
 * {@link JinaClipException#isRetryable()}, the API's statuses by their LangChain4j names.
 */
public final class ExceptionMapper {

    private ExceptionMapper() {
    }

    /**
     * The LangChain4j exception for {@code e}; a {@link JinaApiException} in its cause chain (as under the failure
     * of a classifier's batch) picks the status's name.
     */
    public static LangChain4jException map(JinaClipException e) {
        String message = e.getMessage();
        JinaApiException api = JinaClipException.find(e, JinaApiException.class).orElse(null);
        if (api != null) {
            switch (api.failure()) {
                case TIMEOUT -> {
                    return new TimeoutException(message, e);
                }
                case HTTP_ERROR -> {
                    return switch (api.statusCode()) {
                        case 401, 403 -> new AuthenticationException(message, e);
                        case 404 -> new ModelNotFoundException(message, e);
                        case 408 -> new TimeoutException(message, e);
                        case 429 -> new RateLimitException(message, e);
                        case 500, 502, 503, 504 -> new InternalServerException(message, e);
                        default -> byRetryability(e, message);
                    };
                }
                default -> {
                    return byRetryability(e, message);
                }
            }
        }
        return byRetryability(e, message);
    }

    private static LangChain4jException byRetryability(JinaClipException e, String message) {
        if (e.isRetryable()) {
            return new RetriableException(message, e);
        }
        JinaApiException api = JinaClipException.find(e, JinaApiException.class).orElse(null);
        boolean callerError = e.kind() == JinaClipException.Kind.INVALID_INPUT
                || api != null && api.failure() == JinaApiException.Failure.HTTP_ERROR && api.statusCode() < 500;
        return callerError ? new InvalidRequestException(message, e) : new NonRetriableException(message, e);
    }
}
