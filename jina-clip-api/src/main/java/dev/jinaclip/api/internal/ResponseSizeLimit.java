package dev.jinaclip.api.internal;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads each response body, of any status, into memory up to the request's {@link ResponseLimit}, and fails with
 * {@link ResponseTooLargeException} past it; a {@code Content-Length} beyond it fails before anything is read.
 * Installed as the innermost application interceptor, after OkHttp has decompressed the body, so the limit applies
 * to what is parsed and every interceptor outside it sees a body already bounded.
 */
public final class ResponseSizeLimit implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        ResponseLimit limit = Objects.requireNonNull(chain.request().tag(ResponseLimit.class),
                "the request carries no ResponseLimit tag");
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        try {
            Buffer content = read(body.source(), body.contentLength(), limit, response.code());
            return response.newBuilder().body(ResponseBody.create(content, body.contentType(), content.size()))
                    .build();
        } catch (ResponseTooLargeException e) {
            chain.call().cancel(); // drop the connection rather than drain the rest of the body to reuse it
            throw e;
        } finally {
            body.close();
        }
    }

    /** The whole body, having pulled at most one buffer segment more than the limit from {@code source}. */
    static Buffer read(BufferedSource source, long contentLength, ResponseLimit limit, int statusCode)
            throws IOException {
        if (contentLength > limit.bytes()) {
            throw new ResponseTooLargeException(statusCode,
                    "Content-Length " + contentLength + " is more than " + limit.exceeded());
        }
        if (source.request(limit.bytes() + 1)) {
            throw new ResponseTooLargeException(statusCode, "body is longer than " + limit.exceeded());
        }
        Buffer content = new Buffer();
        content.writeAll(source); // the source is exhausted: this moves its buffered segments, copying nothing
        return content;
    }
}
