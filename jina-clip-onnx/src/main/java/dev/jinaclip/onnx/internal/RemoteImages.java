package dev.jinaclip.onnx.internal;

import dev.jinaclip.core.internal.ImageUrls;
import dev.jinaclip.core.internal.DaemonThreads;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.core.internal.RetryableStatus;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.RemoteImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Connection;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads images given by {@code http(s)} URL, as the hosted API would, so code written for the hosted backend
 * also runs locally. Downloads run on OkHttp's dispatcher, on threads of their own, never on the threads that
 * decode images: a slow server delays only the calls whose images it serves. Bounded in size, time and
 * concurrency; text and HTML answers are refused. Hosts off {@code imageHosts}, and private addresses unless
 * {@code allowPrivateImageAddresses}, are refused for the URL and every redirect ({@link ImageUrlGuard}): an
 * application that embeds URLs supplied by its users sets both.
 */
public final class RemoteImages implements AutoCloseable {

    private final OkHttpClient http;
    private final ImageUrlGuard guard;
    private final long maxBytes;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration downloadTimeout;
    private volatile boolean closing;

    /** Downloads with the limits of {@code config}. */
    public RemoteImages(JinaClipOnnxConfig config) {
        this(config, Dns.SYSTEM, UnaryOperator.identity());
    }

    /**
     * Downloads with the limits of {@code config}, resolving names with {@code dns}; a connection to an address goes
     * to {@code route} of it, after its checks.
     */
    RemoteImages(JinaClipOnnxConfig config, Dns dns, UnaryOperator<InetSocketAddress> route) {
        this.guard = new ImageUrlGuard(config.imageHosts(), config.allowPrivateImageAddresses(), dns);
        // OkHttp's own dispatcher executor has non-daemon threads, which would keep the JVM alive for a minute
        Dispatcher dispatcher = new Dispatcher(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), DaemonThreads.named("jina-clip-download-")));
        dispatcher.setMaxRequests(config.maxImageDownloads());
        dispatcher.setMaxRequestsPerHost(config.maxImageDownloadsPerHost());
        OkHttpClient.Builder client = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectTimeout(config.imageConnectTimeout())
                .readTimeout(config.imageReadTimeout())
                .callTimeout(config.imageDownloadTimeout())
                .dns(guard)
                .socketFactory(new GuardedSockets(config.allowPrivateImageAddresses(), route))
                .addNetworkInterceptor(guard);
        if (!config.allowPrivateImageAddresses()) {
            // behind a proxy the guard's Dns would see only the proxy's name, and the proxy would resolve the rest
            client.proxy(Proxy.NO_PROXY);
        }
        this.http = client.build();
        this.maxBytes = config.maxImageBytes();
        this.connectTimeout = config.imageConnectTimeout();
        this.readTimeout = config.imageReadTimeout();
        this.downloadTimeout = config.imageDownloadTimeout();
    }

    /**
     * Starts downloading an image. The future completes on a download thread with the image's bytes, or with a
     * {@link RemoteImageException} naming the input, the URL ({@link ImageUrls#redacted}) and what went wrong: a host or address refused, an
     * HTTP error, an answer that is not an image or is too large, a time limit (an {@link IllegalArgumentException} for a URL that OkHttp
     * rejects). Cancelling the future cancels the download.
     */
    public CompletableFuture<byte[]> fetch(String url, int position) {
        String shown = ImageUrls.redacted(url);
        Request request;
        try {
            request = new Request.Builder().url(url).header("Accept", "image/*").build();
        } catch (IllegalArgumentException e) {
            // java.net.URI accepts some URLs that OkHttp does not: a failed future, like any other failure
            return CompletableFuture.failedFuture(InputErrors.invalid(position, "image URL " + shown
                    + " cannot be downloaded: " + e.getMessage(), e));
        }
        String refusal = guard.refusal(request.url());
        if (refusal != null) {
            return CompletableFuture.failedFuture(refused(position, shown, refusal));
        }
        Call call = http.newCall(request);
        Download download = new Download(shown, position);
        call.addEventListener(download);
        download.bytes.whenComplete((bytes, error) -> {
            if (download.bytes.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(download);
        return download.bytes;
    }

    /** Cancels the downloads in progress and lets the download threads go. */
    @Override
    public void close() {
        closing = true;
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private final class Download extends EventListener implements Callback {
        final CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        final String url; // as messages show it
        final int position;
        // tells a connect timeout from a read timeout: both are SocketTimeoutExceptions
        volatile boolean connected;

        Download(String url, int position) {
            this.url = url;
            this.position = position;
        }

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            connected = false;
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            connected = true;
        }

        @Override
        public void onResponse(Call call, Response response) {
            try (response) {
                bytes.complete(read(response));
            } catch (IOException e) {
                onFailure(call, e);
            } catch (RuntimeException e) {
                bytes.completeExceptionally(e);
            }
        }

        @Override
        public void onFailure(Call call, IOException e) {
            String refusal = ImageUrlGuard.refusal(e);
            bytes.completeExceptionally(closing && call.isCanceled()
                    ? RemoteImageException.cancelled(prefix() + " was cancelled: the model is closing")
                    : refusal != null ? refused(position, url, refusal)
                    : RemoteImageException.failed(failure(call, e), e));
        }

        private byte[] read(Response response) throws IOException {
            if (!response.isSuccessful()) {
                throw RemoteImageException.answered(prefix() + " failed with HTTP " + response.code(), response.code(),
                        RetryableStatus.isRetryable(response.code()));
            }
            ResponseBody body = response.body();
            MediaType type = body.contentType();
            if (type != null && !type.type().equals("image") && !type.type().equals("application")) {
                throw RemoteImageException.answered(InputErrors.message(position, url + " is not an image (Content-Type "
                        + type + ")"), response.code(), false);
            }
            if (body.contentLength() > maxBytes) {
                throw tooLarge();
            }
            try (InputStream in = body.byteStream()) {
                byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (read.length > maxBytes) {
                    throw tooLarge();
                }
                return read;
            }
        }

        private String failure(Call call, IOException e) {
            // the call timeout cancels the call, and so does close(); a future cancelled by its caller is complete
            if (call.isCanceled()) {
                return prefix() + " timed out: not complete after " + format(downloadTimeout)
                        + " (imageDownloadTimeout)";
            }
            if (e instanceof SocketTimeoutException) {
                return connected
                        ? prefix() + " timed out: the server sent nothing for " + format(readTimeout)
                                + " (imageReadTimeout)"
                        : prefix() + " timed out: no connection within " + format(connectTimeout)
                                + " (imageConnectTimeout)";
            }
            return InputErrors.message(position, "cannot download image " + url + ": " + e.getMessage());
        }

        private String prefix() {
            return InputErrors.message(position, "downloading image " + url);
        }

        private RemoteImageException tooLarge() {
            return RemoteImageException.answered(InputErrors.message(position, "image " + url + " is larger than "
                    + maxBytes + " bytes"), 200, false);
        }
    }

    private static RemoteImageException refused(int position, String shownUrl, String refusal) {
        return RemoteImageException.refused(InputErrors.message(position, "image " + shownUrl + " refused: "
                + refusal));
    }

    private static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
