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
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first download lays the cache out as Python does; later calls reuse it with as few requests as Python. */
class HuggingFaceHubDownloadTest extends FakeHubTest {

    @Test
    void should_download_into_the_python_cache_layout() throws Exception {
        // given
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot = hub.snapshot(REPO, FILES);

        // then
        Path repo = repoDir(cache);
        String modelEtag = FakeHub.sha256(MODEL_BYTES);
        String tokenizerEtag = FakeHub.gitSha1(TOKENIZER_BYTES);
        assertThat(snapshot).isEqualTo(repo.resolve("snapshots").resolve(COMMIT));
        assertThat(Files.readAllBytes(snapshot.resolve(TEXT_MODEL))).isEqualTo(MODEL_BYTES);
        assertThat(Files.readAllBytes(snapshot.resolve(TOKENIZER))).isEqualTo(TOKENIZER_BYTES);
        assertThat(Files.readSymbolicLink(snapshot.resolve(TEXT_MODEL))).hasToString("../../../blobs/" + modelEtag);
        assertThat(Files.readSymbolicLink(snapshot.resolve(TOKENIZER))).hasToString("../../blobs/" + tokenizerEtag);
        assertThat(Files.readString(repo.resolve("refs/main"))).isEqualTo(COMMIT);
        assertThat(HubTesting.tree(repo)).isEqualTo(String.join("\n",
                "blobs", "blobs/" + modelEtag, "blobs/" + tokenizerEtag,
                "refs", "refs/main",
                "snapshots", "snapshots/" + COMMIT, "snapshots/" + COMMIT + "/onnx",
                "snapshots/" + COMMIT + "/onnx/text_model.onnx", "snapshots/" + COMMIT + "/tokenizer.json"));
        assertThat(cache.resolve(".locks/models--jinaai--jina-clip-v1/" + modelEtag + ".lock")).exists();
    }

    @Test
    void should_ask_only_for_the_current_commit_of_main_when_it_is_cached() {
        // given
        HuggingFaceHub hub = hub(server, cache).build();
        hub.snapshot(REPO, FILES);
        fake.exchanges.clear();

        // when
        Path snapshot = hub.snapshot(REPO, FILES);

        // then
        assertThat(snapshot).isEqualTo(repoDir(cache).resolve("snapshots").resolve(COMMIT));
        assertThat(fake.exchanges).extracting(FakeHub.Exchange::method, FakeHub.Exchange::path)
                .containsExactly(tuple("HEAD", "/" + REPO + "/resolve/main/" + TOKENIZER));
    }

    @Test
    void should_make_no_request_for_a_cached_commit_hash() {
        // given
        HuggingFaceHub hub = hub(server, cache).build();
        hub.snapshot(REPO, FILES);
        fake.exchanges.clear();

        // when
        Path snapshot = hub.snapshot(REPO, COMMIT, FILES);

        // then
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.exchanges).isEmpty();
    }

    @Test
    void should_fetch_files_missing_from_a_snapshot_pinned_to_the_commit_of_main() {
        // given
        HuggingFaceHub hub = hub(server, cache).build();
        hub.snapshot(REPO, List.of(TOKENIZER));
        fake.exchanges.clear();

        // when
        hub.snapshot(REPO, FILES);

        // then
        assertThat(fake.exchanges).extracting(FakeHub.Exchange::method, FakeHub.Exchange::path).containsExactly(
                tuple("HEAD", "/" + REPO + "/resolve/main/" + TOKENIZER),
                tuple("HEAD", "/" + REPO + "/resolve/" + COMMIT + "/" + TEXT_MODEL),
                tuple("GET", "/cdn/" + FakeHub.sha256(MODEL_BYTES)));
    }

    @Test
    void should_use_the_endpoint_from_hf_endpoint_including_its_path() {
        // given a mirror under a path prefix
        fake.prefix = "/mirror";
        HuggingFaceHub hub = hub(server, cache, Map.of("HF_ENDPOINT", server.url("/mirror/").toString()))
                .endpoint(null).build();

        // when
        Path snapshot = hub.snapshot(REPO, List.of(TOKENIZER));

        // then
        assertThat(hub.endpoint()).isEqualTo(server.url("/mirror").toString());
        assertThat(snapshot.resolve(TOKENIZER)).hasBinaryContent(TOKENIZER_BYTES);
        assertThat(fake.exchanges).extracting(FakeHub.Exchange::path)
                .allMatch(path -> path.startsWith("/mirror/" + REPO + "/resolve/"));
    }

    @Test
    void should_follow_the_relative_redirect_of_a_renamed_repository() {
        // given
        fake.renamedFrom = "jinaai/old-name";
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot = hub.snapshot("jinaai/old-name", FILES);

        // then the files are cached under the name asked for, as in Python
        assertThat(snapshot).isEqualTo(cache.resolve("models--jinaai--old-name/snapshots/" + COMMIT));
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.exchanges).extracting(FakeHub.Exchange::path)
                .contains("/jinaai/old-name/resolve/main/" + TOKENIZER, "/" + REPO + "/resolve/main/" + TOKENIZER);
    }

    @Test
    void should_report_the_progress_of_each_download() {
        // given
        RecordingProgress progress = new RecordingProgress();
        HuggingFaceHub hub = hub(server, cache).progress(progress).build();

        // when
        hub.snapshot(REPO, FILES);
        hub.snapshot(REPO, FILES);

        // then only actual downloads are reported, once each
        assertThat(progress.events).containsExactly(
                "started " + TOKENIZER + " 0/" + TOKENIZER_BYTES.length,
                "finished " + TOKENIZER + " " + TOKENIZER_BYTES.length,
                "started " + TEXT_MODEL + " 0/" + MODEL_BYTES.length,
                "finished " + TEXT_MODEL + " " + MODEL_BYTES.length);
        assertThat(progress.lastDone).isEqualTo(MODEL_BYTES.length);
    }

    @Test
    void should_fall_back_to_links_or_copies_where_symbolic_links_are_not_allowed() throws Exception {
        // given
        HuggingFaceHub hub = hub(server, cache).symlinks(false).build();

        // when
        Path snapshot = hub.snapshot(REPO, FILES);

        // then
        assertThat(Files.isSymbolicLink(snapshot.resolve(TEXT_MODEL))).isFalse();
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(repoDir(cache).resolve("blobs/" + FakeHub.sha256(MODEL_BYTES))).hasBinaryContent(MODEL_BYTES);
    }

    @Test
    void should_treat_duplicate_file_names_as_one() {
        // given
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        hub.snapshot(REPO, List.of(TEXT_MODEL, TEXT_MODEL));

        // then
        assertThat(fake.cdnGets()).hasSize(1);
    }
}
