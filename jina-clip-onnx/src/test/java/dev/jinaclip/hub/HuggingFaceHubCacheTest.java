package dev.jinaclip.hub;

import dev.jinaclip.testing.FakeHub;
import static dev.jinaclip.testing.FakeHub.COMMIT;
import static dev.jinaclip.testing.FakeHub.MODEL_BYTES;
import static dev.jinaclip.testing.FakeHub.REPO;
import static dev.jinaclip.testing.FakeHub.TEXT_MODEL;
import static dev.jinaclip.testing.FakeHub.TOKENIZER;
import static dev.jinaclip.testing.FakeHub.TOKENIZER_BYTES;
import static dev.jinaclip.hub.HubTesting.hub;
import static dev.jinaclip.hub.HubTesting.repoDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.jinaclip.hub.internal.SnapshotResolver;
import dev.jinaclip.testing.LogCapture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** A cache written by Python is reused; offline mode and an unreachable Hub are served from the cache. */
class HuggingFaceHubCacheTest extends FakeHubTest {

    @Test
    void should_reuse_a_cache_written_by_python_without_downloading() throws Exception {
        // given
        HubTesting.writePythonCache(cache, COMMIT);
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path byCommit = hub.snapshot(REPO, COMMIT, FILES);
        Path byBranch = hub.snapshot(REPO, "main", FILES);

        // then
        assertThat(byCommit).isEqualTo(byBranch).isEqualTo(repoDir(cache).resolve("snapshots/" + COMMIT));
        assertThat(byBranch.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.exchanges).extracting(FakeHub.Exchange::method).containsExactly("HEAD");
    }

    @Test
    void should_use_the_cache_without_any_request_when_offline() throws Exception {
        // given
        HubTesting.writePythonCache(cache, COMMIT);
        HuggingFaceHub hub = hub(server, cache, Map.of("HF_HUB_OFFLINE", "1")).build();

        // when
        Path snapshot = hub.snapshot(REPO, FILES);

        // then
        assertThat(hub.offline()).isTrue();
        assertThat(snapshot.resolve(TOKENIZER)).hasBinaryContent(TOKENIZER_BYTES);
        assertThat(fake.exchanges).isEmpty();
    }

    @Test
    void should_name_the_missing_files_and_the_fix_when_offline() throws Exception {
        // given
        HubTesting.writePythonCache(cache, COMMIT);
        HuggingFaceHub hub = hub(server, cache, Map.of("HF_HUB_OFFLINE", "true")).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of(TEXT_MODEL, "onnx/vision_model.onnx")))
                .isInstanceOfSatisfying(ModelDownloadException.class, e -> assertThat(e.failure())
                        .isEqualTo(ModelDownloadException.Failure.NOT_CACHED))
                .hasMessageContaining("HF_HUB_OFFLINE")
                .hasMessageContaining("lacks onnx/vision_model.onnx of jinaai/jina-clip-v1 at revision 'main' "
                        + "(commit " + COMMIT + ")")
                .hasMessageContaining("huggingface-cli download jinaai/jina-clip-v1 onnx/text_model.onnx "
                        + "onnx/vision_model.onnx --revision main")
                .hasMessageContaining("local folder");
        assertThat(fake.exchanges).isEmpty();
    }

    @Test
    void should_say_when_a_revision_was_never_downloaded_when_offline() {
        // given an empty cache
        HuggingFaceHub hub = hub(server, cache).offline(true).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, FILES))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("revision 'main' of jinaai/jina-clip-v1 was never downloaded")
                .hasMessageContaining("no refs/main");
    }

    @Test
    void should_use_the_last_cached_snapshot_when_the_hub_is_down() throws Exception {
        // given
        HubTesting.writePythonCache(cache, COMMIT);
        fake.nextAnswers.add(new MockResponse.Builder().code(503).build());
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot;
        try (LogCapture log = new LogCapture(SnapshotResolver.class, Level.WARN)) {
            snapshot = hub.snapshot(REPO, FILES);

            // then one attempt only, and a warning
            assertThat(log.text()).contains("using the cached snapshot");
        }
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.exchanges).hasSize(1);
    }

    @Test
    void should_use_the_last_cached_snapshot_when_the_hub_is_unreachable() throws Exception {
        // given a port where nothing listens
        HubTesting.writePythonCache(cache, COMMIT);
        HuggingFaceHub hub = hub(server, cache).endpoint("http://127.0.0.1:1").build();

        // when
        Path snapshot = hub.snapshot(REPO, FILES);

        // then
        assertThat(snapshot.resolve(TOKENIZER)).hasBinaryContent(TOKENIZER_BYTES);
    }

    @Test
    void should_follow_main_to_a_new_commit_and_update_the_ref() throws Exception {
        // given
        HubTesting.writePythonCache(cache, COMMIT);
        String newCommit = "ffffffffffffffffffffffffffffffffffffffff";
        fake.commit = newCommit;
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot = hub.snapshot(REPO, FILES);

        // then the unchanged blobs are reused: no GET
        assertThat(snapshot).isEqualTo(repoDir(cache).resolve("snapshots/" + newCommit));
        assertThat(repoDir(cache).resolve("refs/main")).hasContent(newCommit);
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.exchanges(("GET"))).isEmpty();
    }

    @Test
    void should_take_the_cache_folder_from_hf_hub_cache_then_hf_home() {
        // given / when
        HuggingFaceHub fromHubCache = HuggingFaceHub.builder()
                .environment(Map.of("HF_HUB_CACHE", cache.resolve("a").toString(), "HF_HOME", "/ignored")::get)
                .build();
        HuggingFaceHub fromHome = HuggingFaceHub.builder()
                .environment(Map.of("HF_HOME", cache.resolve("b").toString())::get).build();
        HuggingFaceHub explicit = HuggingFaceHub.builder()
                .environment(Map.of("HF_HUB_CACHE", "/ignored")::get).cacheDirectory(cache.resolve("c")).build();

        // then
        assertThat(fromHubCache.cacheDirectory()).isEqualTo(cache.resolve("a"));
        assertThat(fromHome.cacheDirectory()).isEqualTo(cache.resolve("b").resolve("hub"));
        assertThat(explicit.cacheDirectory()).isEqualTo(cache.resolve("c"));
    }
}
