package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line a request to the endpoint, at INFO on this class's logger, its facts as SLF4J key/values (JSON fields
 * under Boot's structured logging): what was asked and answered, never a text, an image or a key. Gives each
 * request an id, the client's {@code X-Request-Id} when it is a plain token, echoed in that header and in error
 * bodies as {@code request_id}.
 */
final class AccessLog extends OncePerRequestFilter {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    // a client's id is logged and echoed: only a plain token, so that it cannot forge log lines or headers
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String ENTRY = AccessLog.class.getName();

    /** What the controller learns of a request, for its line. */
    private static final class Entry {
        final String requestId;
        EmbeddingsRequest request;
        ServedEmbeddings served;

        Entry(String requestId) {
            this.requestId = requestId;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String given = http.getHeader(REQUEST_ID);
        Entry entry = new Entry(given != null && PLAIN_ID.matcher(given).matches() ? given
                : UUID.randomUUID().toString());
        http.setAttribute(ENTRY, entry);
        response.setHeader(REQUEST_ID, entry.requestId);
        CountingBody.Request in = new CountingBody.Request(http);
        CountingBody.Response out = new CountingBody.Response(response);
        boolean failed = true;
        try {
            chain.doFilter(in, out);
            failed = false;
        } finally {
            // an exception leaving the chain becomes Boot's 500 error page
            log(entry, http, failed ? 500 : response.getStatus(), System.nanoTime() - started, in.bytes(), out.bytes());
        }
    }

    private static void log(Entry entry, HttpServletRequest http, int status, long nanos, long bytesIn,
            long bytesOut) {
        long millis = nanos / 1_000_000;
        LoggingEventBuilder line = log.atInfo().addKeyValue("request_id", entry.requestId)
                .addKeyValue("method", http.getMethod()).addKeyValue("path", http.getRequestURI())
                .addKeyValue("status", status).addKeyValue("duration_ms", millis)
                .addKeyValue("client", http.getRemoteAddr()).addKeyValue("bytes_in", bytesIn)
                .addKeyValue("bytes_out", bytesOut);
        String what = "";
        if (entry.request != null) {
            int images = (int) entry.request.inputs().stream().filter(ClipInput::isImage).count();
            line = line.addKeyValue("shape", entry.request.shape().name().toLowerCase(Locale.ROOT))
                    .addKeyValue("inputs", entry.request.inputs().size()).addKeyValue("images", images)
                    .addKeyValue("texts", entry.request.inputs().size() - images)
                    .addKeyValue("embedding_type", entry.request.type().apiValue());
            what = " (" + entry.request.inputs().size() + " inputs)";
        }
        if (entry.served != null) {
            line = line.addKeyValue("tokens", entry.served.tokens());
        }
        line.log("{} {} {}{} in {} ms", http.getMethod(), http.getRequestURI(), status, what, millis);
    }

    /** Records the request read, for its line. */
    static void requested(HttpServletRequest http, EmbeddingsRequest request) {
        if (http.getAttribute(ENTRY) instanceof Entry entry) {
            entry.request = request;
        }
    }

    /** Records what the request was answered, for its line. */
    static void served(HttpServletRequest http, ServedEmbeddings served) {
        if (http.getAttribute(ENTRY) instanceof Entry entry) {
            entry.served = served;
        }
    }

    /** The request's id, or {@code null} outside this filter. */
    static String requestId(HttpServletRequest http) {
        return http.getAttribute(ENTRY) instanceof Entry entry ? entry.requestId : null;
    }
}
