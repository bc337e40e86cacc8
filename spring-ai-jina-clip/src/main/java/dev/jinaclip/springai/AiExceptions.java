package dev.jinaclip.springai;

import dev.jinaclip.core.JinaClipException;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/**
 * The one mapping of the engines' failures onto Spring AI's: {@link TransientAiException} when
 * {@link JinaClipException#isRetryable()} (rate limits, timeouts, 5xx, connection failures, a remote image that
 * answered 5xx, after the engine's own retries), else {@link NonTransientAiException}. The message is kept and the
 * {@link JinaClipException} becomes the cause, so {@code JinaApiException.findIn(e)} still finds the API's status,
 * code and request id.
 */
final class AiExceptions {

    private AiExceptions() {
    }

    /** The Spring AI exception for {@code e}. */
    static RuntimeException map(JinaClipException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.isRetryable() ? new TransientAiException(message, e) : new NonTransientAiException(message, e);
    }
}
