package dev.jinaclip.hub;

import dev.jinaclip.testing.FakeHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;

/** Builds hubs that talk to a {@link FakeHub} on a MockWebServer, with fast retries and no real environment. */
final class HubTesting {

    private HubTesting() {
    }

    /** A builder for a hub at {@code server}, caching in {@code cache}; only the variables in {@code env} are set. */
    static HuggingFaceHub.Builder hub(MockWebServer server, Path cache, Map<String, String> env) {
        Map<String, String> environment = new HashMap<>(env);
        return HuggingFaceHub.builder()
                .environment(environment::get)
                .endpoint(server.url("/").toString())
                .cacheDirectory(cache)
                .progress(DownloadProgress.none())
                .readTimeout(Duration.ofSeconds(5))
                .initialRetryDelay(Duration.ofMillis(10));
    }

    static HuggingFaceHub.Builder hub(MockWebServer server, Path cache) {
        return hub(server, cache, Map.of());
    }

    static Path repoDir(Path cache) {
        return cache.resolve("models--jinaai--jina-clip-v1");
    }

    /** Every path under a folder, relative to it, sorted: to compare cache trees. */
    static String tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return "";
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return String.join("\n", paths.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString())
                    .sorted().toList());
        }
    }

    /** Writes a cache exactly as Python's huggingface_hub leaves it after downloading the two test files. */
    static void writePythonCache(Path cache, String commit) throws IOException {
        Path repo = repoDir(cache);
        Path blobs = Files.createDirectories(repo.resolve("blobs"));
        String modelEtag = FakeHub.sha256(FakeHub.MODEL_BYTES);
        String tokenizerEtag = FakeHub.gitSha1(FakeHub.TOKENIZER_BYTES);
        Files.write(blobs.resolve(modelEtag), FakeHub.MODEL_BYTES);
        Files.write(blobs.resolve(tokenizerEtag), FakeHub.TOKENIZER_BYTES);
        Path snapshot = Files.createDirectories(repo.resolve("snapshots").resolve(commit).resolve("onnx"));
        Files.createSymbolicLink(snapshot.resolve("text_model.onnx"), Path.of("../../../blobs/" + modelEtag));
        Files.createSymbolicLink(snapshot.getParent().resolve("tokenizer.json"),
                Path.of("../../blobs/" + tokenizerEtag));
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("refs").resolve("main"), commit);
        Files.createDirectories(cache.resolve(".locks").resolve("models--jinaai--jina-clip-v1"));
    }
}
