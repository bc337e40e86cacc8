package dev.jinaclip.rag.web;

import dev.jinaclip.rag.ingest.IngestionFailedException;
import dev.jinaclip.rag.ingest.IngestionInProgressException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code POST /api/ingest} when the run cannot be done, as RFC 9457 problem bodies ({@code application/problem+json})
 * whose {@code detail} is the reason: HTTP 500 "Indexing failed" (the corpus folder is missing, the model or the
 * store failed), HTTP 409 "Indexing under way" (another run has not finished).
 */
@RestControllerAdvice
public class IngestionErrors {

    /** The run stopped; the index keeps what it held. */
    @ExceptionHandler(IngestionFailedException.class)
    public ProblemDetail failed(IngestionFailedException e) {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Indexing failed", e.getMessage());
    }

    /** Runs do not queue. */
    @ExceptionHandler(IngestionInProgressException.class)
    public ProblemDetail inProgress(IngestionInProgressException e) {
        return problem(HttpStatus.CONFLICT, "Indexing under way", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
