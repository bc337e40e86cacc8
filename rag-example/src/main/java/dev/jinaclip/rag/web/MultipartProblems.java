package dev.jinaclip.rag.web;

import static dev.jinaclip.rag.ByteSizes.human;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * What a user is told when the servlet container refuses a multipart upload: what was wrong with the request and
 * the sizes and limits involved, taken from the request and the app's settings, never from the container's
 * exception text (which names its classes).
 */
final class MultipartProblems {

    private static final String HOW = " Send the image as the part 'image' of a multipart/form-data request, as"
            + " an HTML form or 'curl -F image=@picture.jpg' does.";

    private final @Nullable MultipartProperties multipart;
    private final @Nullable TomcatServerProperties tomcat;
    private final DataSize searchLimit;

    /**
     * @param multipart Spring Boot's {@code spring.servlet.multipart.*}, if multipart support is on
     * @param tomcat Spring Boot's {@code server.tomcat.*}, if the app runs on Tomcat
     * @param searchLimit {@code rag.upload-max-size}
     */
    MultipartProblems(@Nullable MultipartProperties multipart, @Nullable TomcatServerProperties tomcat,
            DataSize searchLimit) {
        this.multipart = multipart;
        this.tomcat = tomcat;
        this.searchLimit = searchLimit;
    }

    /**
     * An upload the container stopped reading at one of its limits.
     *
     * @param requestBytes the request's Content-Length; -1 when it was sent without one
     */
    String tooLarge(long requestBytes) {
        String searchImages = " Search images may be up to " + human(searchLimit.toBytes())
                + " (rag.upload-max-size).";
        long requestLimit = multipart == null ? -1 : multipart.getMaxRequestSize().toBytes();
        long fileLimit = multipart == null ? -1 : multipart.getMaxFileSize().toBytes();
        if (requestBytes >= 0 && requestLimit >= 0 && requestBytes > requestLimit) {
            return "The upload is " + human(requestBytes) + ", larger than the limit of " + human(requestLimit)
                    + " (spring.servlet.multipart.max-request-size)." + searchImages;
        }
        if (requestBytes >= 0 && fileLimit >= 0 && requestBytes > fileLimit) {
            return "The upload is " + human(requestBytes) + ", larger than the limit of " + human(fileLimit)
                    + " for one file (spring.servlet.multipart.max-file-size)." + searchImages;
        }
        if (requestBytes >= 0) {
            return "The upload (" + human(requestBytes) + ") has more parts or longer part headers than the server"
                    + " accepts" + partLimits() + "." + HOW;
        }
        List<String> limits = new ArrayList<>();
        if (fileLimit >= 0) {
            limits.add(human(fileLimit) + " for one file (spring.servlet.multipart.max-file-size)");
        }
        if (requestLimit >= 0) {
            limits.add(human(requestLimit) + " in all (spring.servlet.multipart.max-request-size)");
        }
        return "The upload, sent without a Content-Length, is larger than the server accepts"
                + (limits.isEmpty() ? "" : " (" + String.join(", ", limits) + ")")
                + ", or has more parts or longer part headers" + partLimits() + "." + searchImages;
    }

    /**
     * A request the container could not parse as multipart/form-data.
     *
     * @param contentType the request's Content-Type
     * @param failure what the container or Spring threw
     */
    String malformed(@Nullable String contentType, Throwable failure) {
        if (boundary(contentType) == null) {
            return "The request is multipart/form-data without a boundary in its Content-Type"
                    + " ('multipart/form-data; boundary=...')." + HOW;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) { // Spring's parser of the part's Content-Disposition
                return "A part of the multipart/form-data body has a malformed Content-Disposition header (it must"
                        + " be like 'form-data; name=\"image\"; filename=\"picture.jpg\"')." + HOW;
            }
        }
        return "The multipart/form-data body is cut short or does not follow its boundary: each part starts with"
                + " '--' and the boundary, and the body ends with '--', the boundary and '--'." + HOW;
    }

    private String partLimits() {
        return tomcat == null ? "" : " (at most " + tomcat.getMaxPartCount() + " parts, server.tomcat.max-part-count,"
                + " with at most " + human(tomcat.getMaxPartHeaderSize().toBytes()) + " of headers each,"
                + " server.tomcat.max-part-header-size)";
    }

    private static @Nullable String boundary(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            String boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
            return boundary == null || boundary.isBlank() ? null : boundary;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
