package dev.jinaclip.langchain4j.internal;

import dev.jinaclip.api.JinaApiException;
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
 * Rethrows a {@link JinaApiException} as the LangChain4j exception a caller catches, with the same message
 * and the {@code JinaApiException} (status, code, detail, request id, input range) as its cause.
 */
public final class ExceptionMapper {

    private ExceptionMapper() {
    }

    public static LangChain4jException map(JinaApiException e) {
        String message = e.getMessage();
        return switch (e.kind()) {
            case TIMEOUT -> new TimeoutException(message, e);
            case CONNECTION_FAILURE -> new RetriableException(message, e);
            case INVALID_RESPONSE, INTERRUPTED -> new LangChain4jException(message, e);
            case HTTP_ERROR -> switch (e.statusCode()) {
                case 401, 403 -> new AuthenticationException(message, e);
                case 404 -> new ModelNotFoundException(message, e);
                case 408 -> new TimeoutException(message, e);
                case 429 -> new RateLimitException(message, e);
                case 409 -> new RetriableException(message, e);
                case 500, 502, 503, 504 -> new InternalServerException(message, e);
                // 501, 505, ...: the server will not do this, however often it is asked
                default -> e.statusCode() >= 500
                        ? new NonRetriableException(message, e)
                        : new InvalidRequestException(message, e);
            };
        };
    }
}
