package dev.jinaclip.rag.web;

import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.retrieval.InvalidSearchException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
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
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad requests into HTTP 400 with an RFC 9457 problem body ({@code application/problem+json}):
 * {@code {"title":"Bad Request","status":400,"detail":"<what is wrong and what to do>","instance":"/api/..."}}.
 * Spring MVC's own request errors (a missing parameter or part, an unreadable body) get the same shape. Details
 * speak of the request and the app's settings, never of the exception classes of Spring or the servlet container.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private final MultipartProblems multipart;

    public ApiErrors(ObjectProvider<MultipartProperties> multipart, ObjectProvider<TomcatServerProperties> tomcat,
            RagProperties properties) {
        this.multipart = new MultipartProblems(multipart.getIfAvailable(), tomcat.getIfAvailable(),
                properties.uploadMaxSize());
    }

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

    /** A body that is not multipart/form-data as announced: no boundary, cut short, a malformed part header. */
    @ExceptionHandler(MultipartException.class)
    public ProblemDetail malformedMultipart(MultipartException e, HttpServletRequest request) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                multipart.malformed(request.getContentType(), e));
    }

    /**
     * An upload over one of the servlet container's limits (far above rag.upload-max-size): 400 too, not 413, with
     * the upload's size and the limit.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                multipart.tooLarge(contentLength(request)));
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static long contentLength(WebRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
