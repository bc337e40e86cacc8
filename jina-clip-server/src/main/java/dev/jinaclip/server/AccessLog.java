package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
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
        CountingRequest in = new CountingRequest(http);
        CountingResponse out = new CountingResponse(response);
        boolean failed = true;
        try {
            chain.doFilter(in, out);
            failed = false;
        } finally {
            // an exception leaving the chain becomes Boot's 500 error page
            log(entry, http, failed ? 500 : response.getStatus(), System.nanoTime() - started, in.bytes, out.bytes);
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
            line = line.addKeyValue("shape", entry.request.shape().name().toLowerCase())
                    .addKeyValue("inputs", entry.request.inputs().size()).addKeyValue("images", images)
                    .addKeyValue("texts", entry.request.inputs().size() - images)
                    .addKeyValue("embedding_type", entry.request.type().name().toLowerCase());
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

    /** Counts the body bytes the app reads. */
    private static final class CountingRequest extends HttpServletRequestWrapper {
        long bytes;
        private ServletInputStream counted;

        CountingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        bytes += b < 0 ? 0 : 1;
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int read = in.read(buffer, offset, length);
                        bytes += Math.max(read, 0);
                        return read;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }

    /** Counts the body bytes answered. */
    private static final class CountingResponse extends HttpServletResponseWrapper {
        long bytes;
        private ServletOutputStream counted;

        CountingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (counted == null) {
                ServletOutputStream out = super.getOutputStream();
                counted = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        bytes++;
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        out.write(buffer, offset, length);
                        bytes += length;
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
