package dev.jinaclip.api;

import dev.jinaclip.api.internal.ApiError;
import dev.jinaclip.api.internal.Batches;
import dev.jinaclip.api.internal.DecodedBatch;
import dev.jinaclip.api.internal.HttpExchangeLogger;
import dev.jinaclip.api.internal.ImageTokenSaver;
import dev.jinaclip.api.internal.InvalidResponseException;
import dev.jinaclip.api.internal.KeyRedactor;
import dev.jinaclip.api.internal.RequestBodies;
import dev.jinaclip.api.internal.ResponseDecoder;
import dev.jinaclip.api.internal.ResponseLimit;
import dev.jinaclip.api.internal.ResponseSizeLimit;
import dev.jinaclip.api.internal.ResponseTooLargeException;
import dev.jinaclip.api.internal.ServerTextRedaction;
import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.internal.Backoff;
import dev.jinaclip.core.internal.DaemonThreads;
import dev.jinaclip.core.internal.InputResolver;
import dev.jinaclip.core.internal.ResolvedInput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted backend's engine: embeds texts and images with jina-clip through {@code POST /v1/embeddings}.
 *
 * <p>Framework-neutral and thread-safe; share one instance. A call validates every input first, splits the
 * inputs into batches of at most {@link JinaClipApiConfig#maxBatchSize()} (and at most 32 MiB of image data),
 * sends them with at most {@link JinaClipApiConfig#maxConcurrentRequests()} requests in flight over all calls
 * on this client, retries transient failures, and returns one vector per input in input order, or throws:
 * never a partial or reordered result.
 */
public final class JinaClipApiClient implements ClipEngine {

    /** Image data sent in one request at most; more goes into further requests. */
    static final long MAX_REQUEST_IMAGE_BYTES = 32L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(JinaClipApiClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "jina-clip-java";

    private final JinaClipApiConfig config;
    private final OkHttpClient http;
    private final boolean ownsHttpClient;
    private final InputResolver resolver = new InputResolver(JinaClipApiConfig.MAX_IMAGE_BYTES);
    private final RequestBodies requestBodies;
    /** The image token saver, or {@code null} when it is off (its class needs jina-clip-image). */
    private final ImageTokenSaver saver;
    private final ResponseDecoder decoder;
    private final Backoff backoff;
    private final Semaphore permits;
    private final ThreadPoolExecutor executor;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean closed;

    /** A client with these settings. */
    public JinaClipApiClient(JinaClipApiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.ownsHttpClient = config.httpClient() == null;
        OkHttpClient.Builder http = ownsHttpClient ? new OkHttpClient.Builder() : config.httpClient().newBuilder();
        http.connectTimeout(config.connectTimeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout());
        if (config.logRequests() || config.logResponses()) {
            http.addInterceptor(new HttpExchangeLogger(log, config.logRequests(), config.logResponses()));
        }
        // innermost, in this order, so that the logger and a given client's own interceptors see only bounded
        // bodies and never the key: a server may echo it
        http.addInterceptor(new ServerTextRedaction(new KeyRedactor(config.apiKey())));
        http.addInterceptor(new ResponseSizeLimit());
        this.http = http.build();
        this.requestBodies = new RequestBodies(config.model(), config.embeddingType().apiValue(),
                config.normalized(), config.truncate(), config.dimensions());
        this.saver = config.imageTokenSaver() ? new ImageTokenSaver(config.model()) : null;
        this.decoder = new ResponseDecoder(config.dimension(), config.embeddingType());
        this.backoff = new Backoff(config.initialRetryDelay(), config.maxRetryDelay());
        this.permits = new Semaphore(config.maxConcurrentRequests(), true);
        this.executor = batchExecutor(config.maxConcurrentRequests());
    }

    /** The settings, every default applied. */
    public JinaClipApiConfig config() {
        return config;
    }

    /** The configured model. */
    @Override
    public JinaClipModel model() {
        return config.model();
    }

    /** The length of the vectors: the model's, or the configured {@code dimensions}. */
    @Override
    public int dimension() {
        return config.dimension();
    }

    /**
     * Embeds the inputs.
     *
     * @param inputs    texts and images, in any mix
     * @param inputType {@code QUERY} makes jina-clip-v2 embed texts with its {@code retrieval.query} task;
     *                  jina-clip-v1 embeds queries and documents alike
     * @return one vector per input, in input order
     * @throws IllegalArgumentException if an input is unusable (the message names its position); nothing is sent
     * @throws JinaApiException         if a batch failed after its retries
     */
    @Override
    public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
        if (closed) {
            throw new IllegalStateException("This JinaClipApiClient is closed");
        }
        List<ResolvedInput> prepared = resolver.resolve(inputs);
        String task = inputType == ClipInputType.QUERY && config.model().supportsQueryTask()
                ? "retrieval.query" : null;
        List<Batches.Range> ranges = saver == null
                ? Batches.split(prepared, config.maxBatchSize(), MAX_REQUEST_IMAGE_BYTES)
                : Batches.split(prepared, config.maxBatchSize(), MAX_REQUEST_IMAGE_BYTES, saver::uploadBytes);
        DecodedBatch[] results = new DecodedBatch[ranges.size()];
        CallState state = new CallState();
        if (ranges.size() == 1) {
            results[0] = send(prepared, ranges.get(0), task, state);
        } else {
            sendConcurrently(prepared, ranges, task, state, results);
        }
        List<float[]> vectors = new ArrayList<>(prepared.size());
        ClipUsage usage = ClipUsage.NONE;
        for (DecodedBatch result : results) {
            vectors.addAll(List.of(result.vectors()));
            usage = usage.plus(result.usage());
        }
        return new ClipEmbeddings(vectors, config.model().modelName(), usage);
    }

    private void sendConcurrently(List<ResolvedInput> prepared, List<Batches.Range> ranges, String task,
                                  CallState state, DecodedBatch[] results) {
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        CompletableFuture<?>[] batches = new CompletableFuture<?>[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            int batch = i;
            batches[i] = CompletableFuture
                    .runAsync(() -> results[batch] = send(prepared, ranges.get(batch), task, state), executor)
                    .whenComplete((ignored, error) -> {
                        if (error != null) {
                            firstFailure.completeExceptionally(unwrap(error));
                        }
                    });
        }
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(batches), firstFailure).get();
        } catch (ExecutionException e) {
            state.abort();
            throw rethrow(unwrap(e.getCause()));
        } catch (InterruptedException e) {
            state.abort();
            Thread.currentThread().interrupt();
            throw JinaApiException.builder(JinaApiException.Failure.INTERRUPTED, 0, prepared.size()).cause(e).build();
        }
    }

    /** Sends one batch, retrying as configured, and returns its vectors in batch order. */
    private DecodedBatch send(List<ResolvedInput> prepared, Batches.Range range, String task, CallState state) {
        List<ResolvedInput> batch = prepared.subList(range.from(), range.to());
        Integer imageTokensSaved = null;
        if (saver != null) {
            ImageTokenSaver.Saved saved = saver.apply(batch);
            batch = saved.batch();
            imageTokensSaved = saved.imageTokensSaved();
        }
        Request request = new Request.Builder()
                .url(config.embeddingsUrl())
                .header("Authorization", "Bearer " + config.apiKey())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .post(RequestBody.create(requestBodies.json(batch, task), JSON))
                .tag(ResponseLimit.class,
                        ResponseLimit.forBatch(batch.size(), config.dimension(), config.embeddingType()))
                .build();
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = attempt(request, range, attempt, state);
            if (outcome.result != null) {
                return imageTokensSaved == null ? outcome.result : new DecodedBatch(outcome.result.vectors(),
                        outcome.result.usage().withImageTokensSaved(imageTokensSaved));
            }
            JinaApiException failure = outcome.failure;
            boolean retry = failure.isRetryable() && attempt <= config.maxRetries();
            Optional<Duration> retryAfter = failure.retryAfter();
            if (retry && retryAfter.isPresent() && retryAfter.get().compareTo(config.maxRetryDelay()) > 0) {
                log.debug("Not retrying inputs {}..{}: Retry-After {} exceeds maxRetryDelay {}",
                        range.from(), range.to() - 1, retryAfter.get(), config.maxRetryDelay());
                retry = false;
            }
            if (!retry) {
                throw failure;
            }
            Duration wait = retryAfter.orElseGet(() -> backoff.delay(outcome.retryNumber()));
            log.debug("Retrying inputs {}..{} in {} ms (attempt {} of {}): {}", range.from(), range.to() - 1,
                    wait.toMillis(), attempt + 1, config.maxRetries() + 1, failure.getMessage());
            state.sleep(wait, range, attempt);
        }
    }

    private Attempt attempt(Request request, Batches.Range range, int attempt, CallState state) {
        state.acquire(permits, range, attempt);
        Call call = http.newCall(request);
        state.register(call);
        try (Response response = call.execute()) {
            byte[] body = response.body().bytes();
            if (response.isSuccessful()) {
                try {
                    return Attempt.success(decoder.decode(body, range.size()), attempt);
                } catch (InvalidResponseException e) {
                    throw JinaApiException.builder(JinaApiException.Failure.INVALID_RESPONSE, range.from(), range.to())
                            .statusCode(response.code()).detail(e.getMessage()).attempts(attempt).cause(e).build();
                }
            }
            ApiError error = ApiError.parse(body);
            return Attempt.failure(JinaApiException.builder(JinaApiException.Failure.HTTP_ERROR, range.from(), range.to())
                    .statusCode(response.code())
                    .code(error.code())
                    .detail(error.detail())
                    .validationErrors(error.validationErrors())
                    .requestId(error.requestId())
                    .retryAfter(Backoff.parseRetryAfter(response.header("Retry-After"), clock).orElse(null))
                    .attempts(attempt)
                    .build(), attempt);
        } catch (ResponseTooLargeException e) {
            throw JinaApiException.builder(JinaApiException.Failure.INVALID_RESPONSE, range.from(), range.to())
                    .statusCode(e.statusCode()).detail(e.getMessage()).attempts(attempt).cause(e).build();
        } catch (IOException e) {
            if (state.isAborted()) {
                throw new CallAbortedException();
            }
            if (Thread.currentThread().isInterrupted()) {
                throw JinaApiException.builder(JinaApiException.Failure.INTERRUPTED, range.from(), range.to())
                        .attempts(attempt).cause(e).build();
            }
            // OkHttp reports its timeouts as InterruptedIOException ("timeout") or its SocketTimeoutException
            JinaApiException.Failure kind = e instanceof InterruptedIOException
                    ? JinaApiException.Failure.TIMEOUT : JinaApiException.Failure.CONNECTION_FAILURE;
            return Attempt.failure(JinaApiException.builder(kind, range.from(), range.to())
                    .detail(e.getClass().getSimpleName() + ": " + e.getMessage())
                    .attempts(attempt).cause(e).build(), attempt);
        } finally {
            state.unregister(call);
            permits.release();
        }
    }

    /**
     * Stops the batch threads. The OkHttp client is closed only if this client created it; one passed in with
     * {@link JinaClipApiConfig.Builder#httpClient} stays usable.
     */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        if (ownsHttpClient) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "JinaClipApiClient{" + config + "}";
    }

    private static ThreadPoolExecutor batchExecutor(int threads) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("jina-clip-api-"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static RuntimeException rethrow(Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IllegalStateException(error);
    }

    /** The outcome of one HTTP attempt: vectors, or a failure that may be retried. */
    private record Attempt(DecodedBatch result, JinaApiException failure, int retryNumber) {
        static Attempt success(DecodedBatch result, int attempt) {
            return new Attempt(result, null, attempt);
        }

        static Attempt failure(JinaApiException failure, int attempt) {
            return new Attempt(null, failure, attempt);
        }
    }

    /** Thrown inside a batch that was stopped because another batch of the same call failed. */
    private static final class CallAbortedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallAbortedException() {
            super("stopped because another batch of the same call failed", null, false, false);
        }
    }

    /** What the batches of one call share: once one fails, the others stop as soon as they can. */
    private static final class CallState {
        private final CountDownLatch aborted = new CountDownLatch(1);
        private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();

        void abort() {
            aborted.countDown();
            inFlight.forEach(Call::cancel);
        }

        boolean isAborted() {
            return aborted.getCount() == 0;
        }

        void register(Call call) {
            inFlight.add(call);
            if (isAborted()) {
                call.cancel();
            }
        }

        void unregister(Call call) {
            inFlight.remove(call);
        }

        void acquire(Semaphore permits, Batches.Range range, int attempt) {
            if (isAborted()) {
                throw new CallAbortedException();
            }
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(range, attempt, e);
            }
        }

        void sleep(Duration wait, Batches.Range range, int attempt) {
            try {
                if (aborted.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new CallAbortedException();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(range, attempt, e);
            }
        }

        private static JinaApiException interrupted(Batches.Range range, int attempt, InterruptedException e) {
            return JinaApiException.builder(JinaApiException.Failure.INTERRUPTED, range.from(), range.to())
                    .attempts(attempt).cause(e).build();
        }
    }
}
