package dev.jinaclip.evaluation;

/** A run that cannot go on; the message says what failed and on which item. */
final class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EvaluationException(String message) {
        super(message);
    }

    EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
