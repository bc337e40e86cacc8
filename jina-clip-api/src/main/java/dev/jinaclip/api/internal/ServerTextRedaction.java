package dev.jinaclip.api.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one door through which server text enters the client: masks the API key in the status message, the
 * headers, the body, and in the messages of I/O errors (a malformed status line is quoted in one), before any
 * exception, accessor or log line can hold it. Installed just outside {@link ResponseSizeLimit}, whose in-memory
 * body it rewrites, and inside the exchange logger.
 */
public final class ServerTextRedaction implements Interceptor {

    private final KeyRedactor redactor;

    public ServerTextRedaction(KeyRedactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            throw redacted(e);
        }
        try (ResponseBody body = response.body()) {
            byte[] bytes = body.bytes();
            // one char per byte: the key is ASCII, and every other byte passes through unchanged
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            String redacted = redactor.redact(text);
            byte[] safe = redacted == text ? bytes : redacted.getBytes(StandardCharsets.ISO_8859_1);
            return response.newBuilder()
                    .message(redactor.redact(response.message()))
                    .headers(redacted(response.headers()))
                    .body(ResponseBody.create(safe, body.contentType()))
                    .build();
        }
    }

    private Headers redacted(Headers headers) {
        boolean quotesKey = false;
        for (int i = 0; i < headers.size(); i++) {
            quotesKey |= redactor.isIn(headers.name(i)) || redactor.isIn(headers.value(i));
        }
        if (!quotesKey) {
            return headers; // as OkHttp read them, leniently: a rebuilt copy would check each name again
        }
        Headers.Builder safe = new Headers.Builder();
        for (int i = 0; i < headers.size(); i++) {
            safe.addUnsafeNonAscii(redactor.redact(headers.name(i)), redactor.redact(headers.value(i)));
        }
        return safe.build();
    }

    /** {@code e} itself, or, if it or a cause quotes the key, a copy of the same timeout-ness with it masked. */
    private IOException redacted(IOException e) {
        boolean quotesKey = false;
        StringBuilder description = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            quotesKey |= redactor.isIn(t.getMessage());
            description.append(t == e ? "" : "; caused by ").append(t);
        }
        if (!quotesKey) {
            return e;
        }
        String message = redactor.redact(description.toString());
        IOException copy = e instanceof InterruptedIOException
                ? new InterruptedIOException(message) : new IOException(message);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
