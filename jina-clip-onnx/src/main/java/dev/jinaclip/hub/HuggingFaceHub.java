package dev.jinaclip.hub;

import static dev.jinaclip.core.internal.SettingChecks.atLeast;
import static dev.jinaclip.core.internal.SettingChecks.positive;
import static dev.jinaclip.core.internal.SettingChecks.timeLimit;

import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.internal.Backoff;
import dev.jinaclip.hub.internal.Arguments;
import dev.jinaclip.hub.internal.BlobDownloader;
import dev.jinaclip.hub.internal.HubClient;
import dev.jinaclip.hub.internal.HubEnvironment;
import dev.jinaclip.hub.internal.SnapshotLinks;
import dev.jinaclip.hub.internal.SnapshotResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Model files from the Hugging Face Hub, downloaded on first use into the cache that Python's
 * {@code huggingface_hub} uses, so that a model fetched by either is reused by the other.
 *
 * <pre>{@code
 * Path model = HuggingFaceHub.builder().build()
 *         .snapshot("jinaai/jina-clip-v1", List.of("tokenizer.json", "onnx/text_model.onnx"));
 * Path textModel = model.resolve("onnx/text_model.onnx");
 * }</pre>
 *
 * <p>The cache is {@code <cache>/models--jinaai--jina-clip-v1/} with {@code blobs/<etag>} (the bytes),
 * {@code snapshots/<commit>/<file>} (relative symbolic links to the blobs; hard links or copies where symbolic
 * links are not allowed) and {@code refs/<branch>} (the commit a branch pointed to). Downloads resume after an
 * interruption, are verified against the Hub's SHA-256 (LFS files) or size (others), and are safe to run from
 * several threads and processes at once. Settings come from the builder, else from the environment variables that
 * {@code huggingface_hub} reads: {@code HF_HUB_CACHE}, {@code HF_HOME}, {@code HF_ENDPOINT}, {@code HF_TOKEN} and
 * {@code HF_HUB_OFFLINE}.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class HuggingFaceHub {

    /** The revision used when none is given. */
    public static final String DEFAULT_REVISION = JinaClipModel.DEFAULT_REVISION;
    /** The default {@link Builder#connectTimeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default {@link Builder#readTimeout}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** The default {@link Builder#maxRetries}. */
    public static final int DEFAULT_MAX_RETRIES = 3;

    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final Path cacheDir;
    private final HttpUrl endpoint;
    private final boolean hasToken;
    private final boolean offline;
    private final SnapshotResolver resolver;

    private HuggingFaceHub(Builder b) {
        HubEnvironment env = new HubEnvironment(b.environment, Path.of(System.getProperty("user.home")));
        this.cacheDir = (b.cacheDir != null ? b.cacheDir : env.cacheDir()).toAbsolutePath().normalize();
        String endpointUrl = b.endpoint != null ? b.endpoint.strip().replaceAll("/+$", "") : env.endpoint();
        this.endpoint = HttpUrl.parse(endpointUrl);
        if (endpoint == null) {
            throw new IllegalArgumentException("endpoint must be an http or https URL, was " + endpointUrl);
        }
        String token = b.token != null ? b.token : env.token();
        token = token == null || token.isBlank() ? null : token.strip();
        this.hasToken = token != null;
        this.offline = b.offline != null ? b.offline : env.offline();
        Duration connectTimeout = timeLimit(b.connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        Duration readTimeout = timeLimit(b.readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
        int maxRetries = atLeast(b.maxRetries, DEFAULT_MAX_RETRIES, 0, "maxRetries");
        Duration initialDelay = positive(b.initialRetryDelay, Duration.ofSeconds(1), "initialRetryDelay");
        if (initialDelay.compareTo(MAX_RETRY_DELAY) > 0) {
            throw new IllegalArgumentException("initialRetryDelay must be at most " + MAX_RETRY_DELAY
                    + ", was " + initialDelay);
        }
        OkHttpClient http = (b.httpClient != null ? b.httpClient.newBuilder() : new OkHttpClient.Builder())
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(Duration.ZERO) // a 548 MB file takes as long as it takes; readTimeout catches stalls
                .build();
        Backoff backoff = new Backoff(initialDelay, MAX_RETRY_DELAY);
        HubClient client = new HubClient(http, endpoint, token, maxRetries, backoff);
        DownloadProgress progress = b.progress != null ? b.progress : DownloadProgress.automatic();
        this.resolver = new SnapshotResolver(cacheDir, offline, client,
                new BlobDownloader(client, progress, maxRetries), new SnapshotLinks(b.symlinks));
    }

    /** A builder; every setting left unset comes from the environment or its documented default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The files of revision {@code main}; see {@link #snapshot(String, String, List)}. */
    public Path snapshot(String repoId, List<String> files) {
        return snapshot(repoId, DEFAULT_REVISION, files);
    }

    /**
     * The local snapshot folder of a revision of a model repository, holding (at least) {@code files} under their
     * repository paths; files not yet cached are downloaded first.
     *
     * <p>A 40-hex commit hash whose files are all cached is answered without any network request. A branch or
     * tag costs one {@code HEAD} request to learn its current commit (as in Python), unless offline; if the Hub
     * cannot be reached but the cache holds the files of the commit last seen for it, that snapshot is used.
     *
     * @param repoId   a model repository such as {@code jinaai/jina-clip-v1}
     * @param revision a branch, tag or commit hash; {@code null} means {@value #DEFAULT_REVISION}
     * @param files    paths in the repository such as {@code onnx/text_model.onnx}; at least one
     * @return {@code <cache>/models--org--name/snapshots/<commit>}; read files with {@code resolve(file)}
     * @throws IllegalArgumentException if the id, revision or a path is malformed
     * @throws ModelDownloadException   if a file can be neither found in the cache nor downloaded
     */
    public Path snapshot(String repoId, String revision, List<String> files) {
        String checkedRevision = Arguments.revision(revision == null ? DEFAULT_REVISION : revision);
        return resolver.snapshot(Arguments.repoId(repoId), checkedRevision, Arguments.files(files));
    }

    /** The Hugging Face hub cache folder, absolute. */
    public Path cacheDirectory() {
        return cacheDir;
    }

    /** The Hub or mirror files are fetched from. */
    public String endpoint() {
        return endpoint.toString().replaceAll("/+$", "");
    }

    /** Whether no network request is ever made. */
    public boolean offline() {
        return offline;
    }

    @Override
    public String toString() {
        return "HuggingFaceHub{endpoint=" + endpoint() + ", cacheDirectory=" + cacheDir + ", offline=" + offline
                + ", token=" + (hasToken ? "********" : "none") + "}";
    }

    /** Collects settings; {@link #build()} resolves the defaults and validates. */
    public static final class Builder {
        private Path cacheDir;
        private String endpoint;
        private String token;
        private Boolean offline;
        private DownloadProgress progress;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Integer maxRetries;
        private Duration initialRetryDelay;
        private OkHttpClient httpClient;
        private Function<String, String> environment = System::getenv;
        private boolean symlinks = true;

        private Builder() {
        }

        /**
         * The hub cache folder. Default: {@code HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else
         * {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}: the folder Python uses.
         */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDir = cacheDirectory;
            return this;
        }

        /** The Hub or a mirror of it. Default: {@code HF_ENDPOINT}, else {@code https://huggingface.co}. */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The access token for private and gated repositories, sent as {@code Authorization: Bearer} to the
         * endpoint only (never to the CDN). Default: {@code HF_TOKEN}, else none. Never logged or shown.
         */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /**
         * Whether to make no network request and use only cached files. Default: {@code HF_HUB_OFFLINE} is
         * {@code 1}, {@code ON}, {@code YES} or {@code TRUE}.
         */
        public Builder offline(Boolean offline) {
            this.offline = offline;
            return this;
        }

        /** Who hears about downloads. Default: {@link DownloadProgress#automatic()}. */
        public Builder progress(DownloadProgress progress) {
            this.progress = progress;
            return this;
        }

        /** Limit for opening a connection; default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Longest wait for the next bytes of an answer; default 30 s. A whole download has no time limit. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * Retries of a request after a connection failure or an HTTP 408, 429 or 5xx, and resumptions of a
         * download whose connection breaks without progress; default {@value HuggingFaceHub#DEFAULT_MAX_RETRIES}.
         */
        public Builder maxRetries(Integer maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Backoff before the first retry, doubled on each further one (at most 30 s), with jitter; default 1 s. */
        public Builder initialRetryDelay(Duration initialRetryDelay) {
            this.initialRetryDelay = initialRetryDelay;
            return this;
        }

        /**
         * A preconfigured OkHttp client (proxy, TLS, connection pool) to derive ours from; its timeouts are
         * replaced by {@link #connectTimeout} and {@link #readTimeout}.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Where environment variables are read; for tests. */
        Builder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Whether to try symbolic links; false takes the path used where they are not allowed. For tests. */
        Builder symlinks(boolean symlinks) {
            this.symlinks = symlinks;
            return this;
        }

        /**
         * The hub.
         *
         * @throws IllegalArgumentException if a value is malformed or out of range
         */
        public HuggingFaceHub build() {
            return new HuggingFaceHub(this);
        }

        @Override
        public String toString() {
            return "HuggingFaceHub.Builder{endpoint=" + endpoint + ", cacheDirectory=" + cacheDir + ", offline=" + offline
                    + ", token=" + (token == null ? "null" : "********") + "}";
        }
    }
}
