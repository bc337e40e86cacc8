package dev.jinaclip.hub;

import dev.jinaclip.testing.FakeHub;
import static dev.jinaclip.testing.FakeHub.REPO;
import static dev.jinaclip.hub.HubTesting.hub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.hub.ModelDownloadException.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each failure names what is missing or broken, and what to do. */
class HuggingFaceHubErrorsTest extends FakeHubTest {

    static ModelDownloadException failure(Runnable call) {
        try {
            call.run();
        } catch (ModelDownloadException e) {
            return e;
        }
        throw new AssertionError("no ModelDownloadException");
    }

    @Test
    void should_name_a_missing_repository() {
        // given
        fake.nextAnswers.add(FakeHub.error(404, "RepoNotFound"));
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, FILES));

        // then
        assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e).hasMessageStartingWith("Repository jinaai/jina-clip-v1 not found at " + hub.endpoint())
                .hasMessageContaining("request id req-1");
    }

    @Test
    void should_name_a_missing_revision() {
        // given
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, "v9", FILES));

        // then
        assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
        assertThat(e).hasMessageStartingWith("Revision 'v9' not found in jinaai/jina-clip-v1");
    }

    @Test
    void should_name_a_missing_file() {
        // given
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, List.of("onnx/text_model_q9.onnx")));

        // then
        assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
        assertThat(e).hasMessageStartingWith(
                "File 'onnx/text_model_q9.onnx' not found in jinaai/jina-clip-v1 at revision 'main'");
    }

    @Test
    void should_name_the_url_and_suggest_offline_mode_when_the_hub_is_unreachable() {
        // given nothing listens there, and nothing is cached
        HuggingFaceHub hub = hub(server, cache).endpoint("http://127.0.0.1:1").maxRetries(1).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, FILES));

        // then
        assertThat(e.failure()).isEqualTo(Failure.NETWORK);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessageStartingWith("Cannot reach http://127.0.0.1:1/jinaai/jina-clip-v1/resolve/main/"
                        + "tokenizer.json (ConnectException")
                .hasMessageContaining("2 attempts")
                .hasMessageContaining("HF_HUB_OFFLINE=1")
                .hasMessageContaining("local folder");
    }

    @Test
    void should_report_a_cache_that_cannot_be_written() throws Exception {
        // given a cache path that is a file
        Path notAFolder = Files.writeString(cache.resolve("file"), "x");
        HuggingFaceHub hub = hub(server, notAFolder).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, FILES));

        // then
        assertThat(e.failure()).isEqualTo(Failure.DISK);
        assertThat(e).hasMessageContaining(notAFolder.toString()).hasMessageContaining("HF_HUB_CACHE");
    }

    @Test
    void should_report_a_server_that_is_not_the_hub() {
        // given a proxy page without the Hub's headers
        fake.nextAnswers.add(new MockResponse.Builder().code(200).body("<html>login</html>").build());
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, FILES));

        // then
        assertThat(e.failure()).isEqualTo(Failure.INVALID_RESPONSE);
        assertThat(e).hasMessageContaining("lacks the X-Repo-Commit header").hasMessageContaining("proxy");
    }

    @Test
    void should_reject_an_etag_that_is_a_path() {
        // given
        fake.nextAnswers.add(new MockResponse.Builder().code(200).setHeader("X-Repo-Commit", FakeHub.COMMIT)
                .setHeader("ETag", "\"../../evil\"").build());
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, FILES));

        // then
        assertThat(e.failure()).isEqualTo(Failure.INVALID_RESPONSE);
        assertThat(cache.resolve("evil")).doesNotExist();
    }

    @Test
    void should_give_up_on_server_errors_after_the_retries() {
        // given
        for (int i = 0; i < 3; i++) {
            fake.nextAnswers.add(new MockResponse.Builder().code(503).build());
        }
        HuggingFaceHub hub = hub(server, cache).maxRetries(2).build();

        // when
        ModelDownloadException e = failure(() -> hub.snapshot(REPO, FILES));

        // then
        assertThat(e.failure()).isEqualTo(Failure.HTTP_ERROR);
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessageContaining("after retries");
        assertThat(fake.exchanges).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../x.onnx", "onnx/../../x", "onnx//x", "onnx\\x", "onnx/"})
    void should_reject_malformed_file_paths(String file) {
        // given
        HuggingFaceHub hub = hub(server, cache).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files must be relative paths");
        assertThat(fake.exchanges).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jinaai/", "a/b/c", "jinaai--x/y", "a/../b", "x y", "org/repo.git"})
    void should_reject_malformed_repository_ids(String repoId) {
        // given
        HuggingFaceHub hub = hub(server, cache).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(repoId, FILES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repoId must look like");
    }

    @Test
    void should_reject_bad_revisions_and_empty_file_lists() {
        // given
        HuggingFaceHub hub = hub(server, cache).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, "../main", FILES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("revision");
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one file");
        assertThatThrownBy(() -> hub(server, cache).endpoint("not a url").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> hub(server, cache).maxRetries(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
    }
}
