package dev.jinaclip.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Answers like the Hugging Face Hub: {@code HEAD|GET {prefix}/{repo}/resolve/{revision}/{file}} with
 * {@code X-Repo-Commit}; LFS files redirect (302) to {@code /cdn/<sha256>} on {@link #cdn} with
 * {@code X-Linked-Etag} and {@code X-Linked-Size}; other files are served directly with a git-SHA-1 {@code ETag}.
 * The CDN honours {@code Range: bytes=N-} with 206. Every exchange is recorded, with the port that got it.
 */
public final class FakeHub extends Dispatcher {

    public static final String REPO = "jinaai/jina-clip-v1";
    public static final String COMMIT = "5a1e4b5c3f6e7d8091a2b3c4d5e6f708192a3b4c";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String TEXT_MODEL = "onnx/text_model.onnx";
    public static final byte[] TOKENIZER_BYTES = "{\"version\":\"1.0\",\"model\":{\"type\":\"WordPiece\"}}"
            .getBytes(StandardCharsets.UTF_8);
    public static final byte[] MODEL_BYTES = randomBytes(300_000);

    /** One request as the server saw it. */
    public record Exchange(String method, String path, String range, String authorization, int port) {
    }

    public final Map<String, byte[]> files =
            new ConcurrentHashMap<>(Map.of(TOKENIZER, TOKENIZER_BYTES, TEXT_MODEL, MODEL_BYTES));
    public final Set<String> lfs = ConcurrentHashMap.newKeySet();
    public final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    /** Answers given instead of the normal one to the next requests, in order. */
    public final Queue<MockResponse> nextAnswers = new ConcurrentLinkedQueue<>();
    /** How many coming CDN bodies break off halfway. */
    public final AtomicInteger bodiesToBreak = new AtomicInteger();
    public volatile HttpUrl cdn;
    public volatile String prefix = "";
    public volatile String commit = COMMIT;
    public volatile String renamedFrom;
    public volatile String requiredToken;
    public volatile boolean gated;
    public volatile boolean ignoreRange;
    public volatile byte[] lfsBodyOverride;
    public volatile long throttleBytesPerSecond;
    /** Whether LFS files answer HEAD with 200 and redirect only their GET, as some mirrors do. */
    public volatile boolean redirectOnlyGet;

    public FakeHub(HttpUrl cdn) {
        this.cdn = cdn;
        lfs.add(TEXT_MODEL);
    }

    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        return hex("SHA-256", bytes);
    }

    /** The id git gives a blob, which the Hub sends as the ETag of a file not stored in LFS. */
    public static String gitSha1(byte[] bytes) {
        byte[] header = ("blob " + bytes.length + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(header, header.length + bytes.length);
        System.arraycopy(bytes, 0, all, header.length, bytes.length);
        return hex("SHA-1", all);
    }

    public List<Exchange> exchanges(String method) {
        return exchanges.stream().filter(e -> e.method().equals(method)).toList();
    }

    public List<Exchange> cdnGets() {
        return exchanges.stream().filter(e -> e.method().equals("GET") && e.path().startsWith("/cdn/")).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String range = request.getHeaders().get("Range");
        exchanges.add(new Exchange(request.getMethod(), url.encodedPath(), range,
                request.getHeaders().get("Authorization"), url.port()));
        MockResponse next = nextAnswers.poll();
        if (next != null) {
            return next;
        }
        String path = url.encodedPath();
        if (path.startsWith("/cdn/")) {
            String sha = path.substring("/cdn/".length());
            return files.entrySet().stream().filter(e -> sha256(e.getValue()).equals(sha)).findFirst()
                    .map(e -> body(request, lfsBodyOverride != null ? lfsBodyOverride : e.getValue(), range, true))
                    .orElse(new MockResponse.Builder().code(404).build());
        }
        List<String> segments = new ArrayList<>(url.pathSegments());
        for (String ignored : prefix.isEmpty() ? new String[0] : prefix.substring(1).split("/")) {
            segments.remove(0);
        }
        String repo = segments.get(0) + "/" + segments.get(1);
        if (renamedFrom != null && repo.equals(renamedFrom)) {
            String target = url.encodedPath().replace("/" + renamedFrom + "/", "/" + REPO + "/");
            return new MockResponse.Builder().code(307).setHeader("Location", target).build();
        }
        if (!repo.equals(REPO) || !segments.get(2).equals("resolve")) {
            return error(401, "RepoNotFound");
        }
        if (requiredToken != null && !("Bearer " + requiredToken).equals(request.getHeaders().get("Authorization"))) {
            return gated ? error(403, "GatedRepo") : error(401, "RepoNotFound");
        }
        String revision = segments.get(3);
        if (!revision.equals("main") && !revision.equals(commit)) {
            return error(404, "RevisionNotFound");
        }
        String file = String.join("/", segments.subList(4, segments.size()));
        byte[] bytes = files.get(file);
        if (bytes == null) {
            return new MockResponse.Builder(error(404, "EntryNotFound")).setHeader("X-Repo-Commit", commit).build();
        }
        if (lfs.contains(file)) {
            String sha = sha256(bytes);
            MockResponse.Builder pointer = new MockResponse.Builder()
                    .setHeader("X-Repo-Commit", commit)
                    .setHeader("X-Linked-Etag", "\"" + sha + "\"")
                    .setHeader("X-Linked-Size", bytes.length)
                    .setHeader("ETag", "\"" + gitSha1(("version https://git-lfs.github.com/spec/v1\noid sha256:"
                            + sha).getBytes(StandardCharsets.UTF_8)) + "\"");
            if (redirectOnlyGet && request.getMethod().equals("HEAD")) {
                return pointer.code(200).build();
            }
            return pointer.code(302).setHeader("Location", cdn.resolve("/cdn/" + sha) + "?X-Amz-Signature=secret")
                    .build();
        }
        MockResponse.Builder direct = new MockResponse.Builder(body(request, bytes, range, false))
                .setHeader("X-Repo-Commit", commit)
                .setHeader("ETag", "\"" + gitSha1(bytes) + "\"");
        return direct.build();
    }

    private MockResponse body(RecordedRequest request, byte[] bytes, String range, boolean fromCdn) {
        MockResponse.Builder response = new MockResponse.Builder();
        if (request.getMethod().equals("HEAD")) {
            return response.setHeader("Content-Length", bytes.length).build();
        }
        int from = 0;
        if (range != null && !ignoreRange) {
            from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            if (from >= bytes.length) {
                return response.code(416).setHeader("Content-Range", "bytes */" + bytes.length).build();
            }
            response.code(206)
                    .setHeader("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        response.body(new Buffer().write(bytes, from, bytes.length - from));
        if (fromCdn && bodiesToBreak.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            response.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE);
        }
        if (fromCdn && throttleBytesPerSecond > 0) {
            response.throttleBody(throttleBytesPerSecond / 20, 50, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }

    public static MockResponse error(int code, String errorCode) {
        return new MockResponse.Builder().code(code).setHeader("X-Error-Code", errorCode)
                .setHeader("X-Error-Message", errorCode + " (from the fake hub)").setHeader("X-Request-Id", "req-1")
                .build();
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
