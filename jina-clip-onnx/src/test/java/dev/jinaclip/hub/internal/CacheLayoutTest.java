package dev.jinaclip.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths in the cache follow huggingface_hub, and never leave the repository folder. */
class CacheLayoutTest {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path cache;

    @Test
    void should_place_files_as_huggingface_hub_does() {
        // given
        CacheLayout layout = new CacheLayout(cache, "jinaai/jina-clip-v1");

        // when / then
        Path repo = cache.resolve("models--jinaai--jina-clip-v1");
        assertThat(layout.repoDir()).isEqualTo(repo);
        assertThat(layout.blob("abc")).isEqualTo(repo.resolve("blobs/abc"));
        assertThat(layout.incomplete("abc")).isEqualTo(repo.resolve("blobs/abc.incomplete"));
        assertThat(layout.pointer(COMMIT, "onnx/text_model.onnx"))
                .isEqualTo(repo.resolve("snapshots/" + COMMIT + "/onnx/text_model.onnx"));
        assertThat(layout.lockFile("abc")).isEqualTo(cache.resolve(".locks/models--jinaai--jina-clip-v1/abc.lock"));
        assertThat(CacheLayout.repoFolderName("gpt2")).isEqualTo("models--gpt2");
    }

    @Test
    void should_keep_refs_of_branches_and_nested_names_but_not_of_commits() {
        // given
        CacheLayout layout = new CacheLayout(cache, "jinaai/jina-clip-v1");

        // when
        layout.writeRef("main", COMMIT);
        layout.writeRef("refs/pr/1", COMMIT);
        layout.writeRef(COMMIT, COMMIT);

        // then
        assertThat(layout.repoDir().resolve("refs/main")).hasContent(COMMIT);
        assertThat(layout.repoDir().resolve("refs/refs/pr/1")).hasContent(COMMIT);
        assertThat(layout.readRef("main")).contains(COMMIT);
        assertThat(layout.repoDir().resolve("refs/" + COMMIT)).doesNotExist();
        assertThat(layout.readRef("v2")).isEmpty();
    }

    @Test
    void should_recognise_only_full_commit_hashes() {
        assertThat(CacheLayout.isCommitHash(COMMIT)).isTrue();
        assertThat(CacheLayout.isCommitHash("0123456")).isFalse();
        assertThat(CacheLayout.isCommitHash(COMMIT.toUpperCase())).isFalse();
        assertThat(CacheLayout.isCommitHash("main")).isFalse();
    }

    @Test
    void should_list_missing_files_including_dangling_links() throws Exception {
        // given a snapshot whose link points at a deleted blob
        CacheLayout layout = new CacheLayout(cache, "jinaai/jina-clip-v1");
        Path pointer = layout.pointer(COMMIT, "tokenizer.json");
        java.nio.file.Files.createDirectories(pointer.getParent());
        java.nio.file.Files.createSymbolicLink(pointer, Path.of("../../blobs/gone"));

        // when / then
        assertThat(layout.missing(COMMIT, List.of("tokenizer.json", "onnx/text_model.onnx")))
                .containsExactly("tokenizer.json", "onnx/text_model.onnx");
    }

    @Test
    void should_refuse_paths_that_leave_the_repository() {
        CacheLayout layout = new CacheLayout(cache, "jinaai/jina-clip-v1");
        assertThatThrownBy(() -> layout.pointer(COMMIT, "../../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.readRef("../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
