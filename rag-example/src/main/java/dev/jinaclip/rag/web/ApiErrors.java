package dev.jinaclip.rag.web;

import dev.jinaclip.rag.retrieval.InvalidSearchException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad requests into HTTP 400 with an RFC 9457 problem body ({@code application/problem+json}):
 * {@code {"title":"Bad Request","status":400,"detail":"<what is wrong and what to do>","instance":"/api/..."}}.
 * Spring MVC's own request errors (a missing parameter or part, an unreadable body) get the same shape.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    /** An empty query, a bad k, an upload that is not a usable image. */
    @ExceptionHandler(InvalidSearchException.class)
    public ProblemDetail invalidSearch(InvalidSearchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** {@code k=abc}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == Integer.class || type == int.class ? "a whole number"
                : type == Boolean.class || type == boolean.class ? "true or false" : "valid";
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The parameter " + e.getName() + " must be "
                + expected + ", not '" + e.getValue() + "'.");
    }

    /** An upload over the servlet container's hard limit (far above rag.upload-max-size): 400 too, not 413. */
    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The upload is larger than the limit (rag.upload-max-size).");
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }
}
