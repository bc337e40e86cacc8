package dev.jinaclip.hub.internal;

import dev.jinaclip.core.internal.Backoff;
import dev.jinaclip.core.internal.RetryableStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two requests of Python's {@code hf_hub_download}, with retries: a {@code HEAD} of
 * {@code {endpoint}/{repo}/resolve/{revision}/{file}} that does not follow the redirect to the CDN but reads the
 * file's metadata from it, and a {@code GET} of the bytes, from an offset.
 *
 * <p>Every request asks for {@code Accept-Encoding: identity}, so that sizes and ranges count the file's own
 * bytes. The token goes only to the endpoint's own scheme, host and port: never to a CDN, including on a
 * redirect (OkHttp drops {@code Authorization} when a redirect changes host).
 */
public final class HubClient {

    private static final Logger log = LoggerFactory.getLogger(HubClient.class);
    private static final String USER_AGENT = "jina-clip-java";
    private static final int MAX_REDIRECTS = 5;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    // commits and etags become file names in the cache: hex from the Hub, but never a path from anyone
    private static final Pattern SAFE_NAME = Pattern.compile("^[0-9A-Za-z_-][0-9A-Za-z._-]{0,127}$");

    private final OkHttpClient headClient;
    private final OkHttpClient getClient;
    private final HttpUrl endpoint;
    private final String token;
    private final int maxRetries;
    private final Backoff backoff;

    /**
     * @param http       the client to derive ours from, with its timeouts set
     * @param endpoint   the Hub or a mirror, such as {@code https://huggingface.co}
     * @param token      the access token, or {@code null}
     * @param maxRetries retries after a connection failure or a 408, 429 or 5xx answer
     * @param backoff    the waits between retries
     */
    public HubClient(OkHttpClient http, HttpUrl endpoint, String token, int maxRetries, Backoff backoff) {
        this.headClient = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.getClient = http.newBuilder().followRedirects(true).followSslRedirects(true).build();
        this.endpoint = endpoint;
        this.token = token;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    /**
     * {@code {endpoint}/{repo}/resolve/{revision}/{file}}, the revision encoded as one segment
     * ({@code refs%2Fpr%2F1}) and the file's folders kept.
     */
    public HttpUrl resolveUrl(Target target) {
        HttpUrl.Builder url = endpoint.newBuilder();
        for (String part : target.repoId().split("/")) {
            url.addPathSegment(part);
        }
        url.addPathSegment("resolve").addPathSegment(target.revision());
        for (String part : target.file().split("/")) {
            url.addPathSegment(part);
        }
        return url.build();
    }

    /**
     * Reads a file's metadata. A redirect that carries the metadata ({@code X-Repo-Commit} and an etag) is the
     * Hub sending an LFS file to its CDN: its {@code Location} becomes the download link. A redirect without it
     * (a renamed repository, relative or absolute) is followed, up to {@value #MAX_REDIRECTS} times.
     *
     * @param retry whether to retry transient failures; the caller declines when a cached copy can stand in
     */
    public FileMetadata head(Target target, boolean retry) {
        HttpUrl url = resolveUrl(target);
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            try (Response response = execute(headClient, request(url).head().build(), target, retry)) {
                String commit = response.header("X-Repo-Commit");
                String etag = normalizeEtag(response.header("X-Linked-Etag", response.header("ETag")));
                if (response.isRedirect()) {
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : url.resolve(location);
                    if (next == null) {
                        throw HubErrors.invalid(target, url, "redirects without a usable Location");
                    }
                    if (commit != null && etag != null) {
                        return metadata(target, url, commit, etag, response.header("X-Linked-Size"), next);
                    }
                    log.debug("HEAD {} redirects to {}", HubErrors.redact(url), HubErrors.redact(next));
                    url = next;
                    continue;
                }
                if (!response.isSuccessful()) {
                    throw HubErrors.forStatus(response, target, token != null, endpoint(), true);
                }
                if (commit == null) {
                    throw HubErrors.invalid(target, url,
                            "lacks the X-Repo-Commit header that the Hugging Face Hub always sends");
                }
                if (etag == null) {
                    throw HubErrors.invalid(target, url, "lacks the ETag that the Hugging Face Hub always sends");
                }
                return metadata(target, url, commit, etag,
                        response.header("X-Linked-Size", response.header("Content-Length")), url);
            }
        }
        throw HubErrors.invalid(target, url, "redirects more than " + MAX_REDIRECTS + " times");
    }

    /**
     * Starts a {@code GET} of a file's bytes from {@code offset} ({@code Range: bytes=offset-} when above 0),
     * following redirects. Returns the open response for 2xx and for 416 (range not satisfiable); the caller
     * closes it and checks 200 versus 206.
     */
    public Response get(HttpUrl url, long offset, Target target) {
        Request.Builder request = request(url).get();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        Response response = execute(getClient, request.build(), target, true);
        if (response.isSuccessful() || response.code() == 416) {
            return response;
        }
        try (response) {
            boolean fromHub = sameOrigin(response.request().url());
            throw HubErrors.forStatus(response, target, token != null, endpoint(), fromHub);
        }
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder request = new Request.Builder().url(url)
                .header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "identity");
        if (token != null && sameOrigin(url)) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Response execute(OkHttpClient client, Request request, Target target, boolean retry) {
        int attempts = retry ? maxRetries + 1 : 1;
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                log.debug("{} {}{}", request.method(), HubErrors.redact(request.url()),
                        request.header("Range") == null ? "" : " (" + request.header("Range") + ")");
                response = client.newCall(request).execute();
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw HubErrors.interrupted(target, e);
                }
                if (attempt >= attempts) {
                    throw HubErrors.network(request.url(), e, attempt);
                }
                log.debug("{} {} failed ({}); retrying", request.method(), HubErrors.redact(request.url()),
                        HubErrors.describe(e));
                sleep(backoff.delay(attempt), target);
                continue;
            }
            if (!RetryableStatus.isRetryable(response.code()) || attempt >= attempts) {
                return response;
            }
            int retryNumber = attempt;
            Duration wait = Backoff.parseRetryAfter(response.header("Retry-After"), Clock.systemUTC())
                    .orElseGet(() -> backoff.delay(retryNumber));
            if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
                return response;
            }
            response.close();
            log.debug("{} {} answered HTTP {}; retrying in {} ms", request.method(),
                    HubErrors.redact(request.url()), response.code(), wait.toMillis());
            sleep(wait, target);
        }
    }

    /** Sleeps before a retry; an interrupt ends the download. */
    void sleep(Duration wait, Target target) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HubErrors.interrupted(target, e);
        }
    }

    /** The delay before retry number {@code retry} of a broken download. */
    Duration backoff(int retry) {
        return backoff.delay(retry);
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(endpoint.scheme()) && url.host().equals(endpoint.host())
                && url.port() == endpoint.port();
    }

    private String endpoint() {
        String url = endpoint.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code "abc"} and {@code W/"abc"} become {@code abc}, as Python's {@code _normalize_etag}. */
    static String normalizeEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        return value.isEmpty() ? null : value;
    }

    private static FileMetadata metadata(Target target, HttpUrl url, String commit, String etag, String size,
                                         HttpUrl downloadUrl) {
        if (!SAFE_NAME.matcher(commit).matches() || !SAFE_NAME.matcher(etag).matches()) {
            throw HubErrors.invalid(target, url, "has a malformed X-Repo-Commit or ETag");
        }
        return new FileMetadata(target.file(), commit, etag, parseSize(size), downloadUrl);
    }

    private static long parseSize(String value) {
        if (value == null) {
            return -1;
        }
        try {
            long size = Long.parseLong(value.strip());
            return size >= 0 ? size : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
