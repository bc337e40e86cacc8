package dev.jinaclip.springai;

import dev.jinaclip.api.JinaApiException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/**
 * Rethrows LangChain4j's exceptions as Spring AI's: {@link TransientAiException} when the same call may succeed
 * later (rate limits, timeouts, 5xx, connection failures, after the engine's own retries), else
 * {@link NonTransientAiException}. The message is kept and the LangChain4j exception becomes the cause, so
 * {@link JinaApiException#findIn(Throwable)} still finds the API's status, code and request id.
 */
final class AiExceptions {

    private AiExceptions() {
    }

    /** The Spring AI exception for {@code e}. */
    static RuntimeException map(LangChain4jException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof RetriableException) {
            return new TransientAiException(message, e);
        }
        if (e instanceof NonRetriableException) {
            return new NonTransientAiException(message, e);
        }
        boolean retryable = JinaApiException.findIn(e).map(JinaApiException::isRetryable).orElse(false);
        return retryable ? new TransientAiException(message, e) : new NonTransientAiException(message, e);
    }
}
