package dev.jinaclip.hub;

import dev.jinaclip.testing.FakeHub;
import static dev.jinaclip.testing.FakeHub.MODEL_BYTES;
import static dev.jinaclip.testing.FakeHub.REPO;
import static dev.jinaclip.testing.FakeHub.TEXT_MODEL;
import static dev.jinaclip.testing.FakeHub.TOKENIZER;
import static dev.jinaclip.hub.HubTesting.hub;
import static dev.jinaclip.hub.HubTesting.repoDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Downloads are verified, resumed after an interruption, and never leave a bad blob behind. */
class HuggingFaceHubIntegrityTest extends FakeHubTest {

    static final String MODEL_ETAG = FakeHub.sha256(MODEL_BYTES);

    Path blobs() {
        return repoDir(cache).resolve("blobs");
    }

    @Test
    void should_fail_on_a_sha256_mismatch_and_leave_no_blob() throws Exception {
        // given a CDN that serves other bytes of the same size
        byte[] corrupt = MODEL_BYTES.clone();
        corrupt[1000] ^= 1;
        fake.lfsBodyOverride = corrupt;
        HuggingFaceHub hub = hub(server, cache).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of(TEXT_MODEL)))
                .isInstanceOfSatisfying(ModelDownloadException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ModelDownloadException.Failure.INTEGRITY);
                    assertThat(e.isRetryable()).isTrue();
                })
                .hasMessageContaining("SHA-256 mismatch for 'onnx/text_model.onnx'")
                .hasMessageContaining("expected " + MODEL_ETAG + ", got " + FakeHub.sha256(corrupt));
        assertThat(HubTesting.tree(blobs())).isEmpty();
        assertThat(repoDir(cache).resolve("snapshots/" + FakeHub.COMMIT + "/" + TEXT_MODEL)).doesNotExist();
    }

    @Test
    void should_fail_when_a_file_has_not_the_announced_size() {
        // given a CDN that sends fewer bytes than X-Linked-Size, in full (no broken connection)
        fake.lfsBodyOverride = Arrays.copyOf(MODEL_BYTES, 1000);
        HuggingFaceHub hub = hub(server, cache).maxRetries(1).build();

        // when / then: each short body is resumed, until the server has nothing more to send
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of(TEXT_MODEL)))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("onnx/text_model.onnx");
        assertThat(blobs().resolve(MODEL_ETAG)).doesNotExist();
    }

    @Test
    void should_resume_a_partial_download_with_a_range_request() throws Exception {
        // given what an interrupted run left behind
        Files.createDirectories(blobs());
        Files.write(blobs().resolve(MODEL_ETAG + ".incomplete"), Arrays.copyOf(MODEL_BYTES, 100_000));
        RecordingProgress progress = new RecordingProgress();
        HuggingFaceHub hub = hub(server, cache).progress(progress).build();

        // when
        Path snapshot = hub.snapshot(REPO, List.of(TEXT_MODEL));

        // then
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.cdnGets()).extracting(FakeHub.Exchange::range).containsExactly("bytes=100000-");
        assertThat(progress.events).first().isEqualTo("started " + TEXT_MODEL + " 100000/" + MODEL_BYTES.length);
        assertThat(blobs().resolve(MODEL_ETAG + ".incomplete")).doesNotExist();
    }

    @Test
    void should_hash_the_resumed_prefix_too() throws Exception {
        // given a partial file whose bytes are wrong
        byte[] badPrefix = Arrays.copyOf(MODEL_BYTES, 100_000);
        badPrefix[10] ^= 1;
        Files.createDirectories(blobs());
        Files.write(blobs().resolve(MODEL_ETAG + ".incomplete"), badPrefix);
        HuggingFaceHub hub = hub(server, cache).build();

        // when / then the mismatch is caught, and the next run starts from scratch
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of(TEXT_MODEL)))
                .isInstanceOf(ModelDownloadException.class).hasMessageContaining("SHA-256 mismatch");
        assertThat(blobs().resolve(MODEL_ETAG + ".incomplete")).doesNotExist();
        assertThat(hub.snapshot(REPO, List.of(TEXT_MODEL)).resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
    }

    @Test
    void should_resume_when_the_connection_breaks_mid_body() {
        // given a CDN that drops the connection halfway through the first body
        fake.bodiesToBreak.set(1);
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot = hub.snapshot(REPO, List.of(TEXT_MODEL));

        // then
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        List<FakeHub.Exchange> gets = fake.cdnGets();
        assertThat(gets).hasSize(2);
        assertThat(gets.get(0).range()).isNull();
        assertThat(gets.get(1).range()).matches("bytes=[1-9][0-9]*-");
    }

    @Test
    void should_restart_cleanly_when_the_server_ignores_the_range() throws Exception {
        // given
        Files.createDirectories(blobs());
        Files.write(blobs().resolve(MODEL_ETAG + ".incomplete"), Arrays.copyOf(MODEL_BYTES, 100_000));
        fake.ignoreRange = true;
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot = hub.snapshot(REPO, List.of(TEXT_MODEL));

        // then the whole file came with 200 and replaced the partial one
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.cdnGets()).hasSize(1);
    }

    @Test
    void should_give_up_after_the_retries_when_the_body_keeps_breaking_and_keep_the_partial_file() {
        // given
        fake.bodiesToBreak.set(100);
        fake.lfsBodyOverride = null;
        HuggingFaceHub hub = hub(server, cache).maxRetries(0).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of(TEXT_MODEL)))
                .isInstanceOfSatisfying(ModelDownloadException.class, e -> assertThat(e.failure())
                        .isEqualTo(ModelDownloadException.Failure.NETWORK))
                .hasMessageContaining("broke off at byte")
                .hasMessageContaining("Run again to resume");
        assertThat(blobs().resolve(MODEL_ETAG + ".incomplete")).exists();
        assertThat(blobs().resolve(MODEL_ETAG)).doesNotExist();
    }

    @Test
    void should_retry_server_errors() {
        // given
        fake.nextAnswers.add(new MockResponse.Builder().code(503).build());
        fake.nextAnswers.add(new MockResponse.Builder().code(502).build());
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot = hub.snapshot(REPO, List.of(TOKENIZER));

        // then
        assertThat(snapshot.resolve(TOKENIZER)).hasBinaryContent(FakeHub.TOKENIZER_BYTES);
        assertThat(fake.exchanges(("HEAD"))).hasSize(3);
    }

    @Test
    void should_download_again_a_blob_of_the_wrong_size() throws Exception {
        // given a truncated blob, as a crash of an older tool might leave
        Files.createDirectories(blobs());
        Files.write(blobs().resolve(MODEL_ETAG), Arrays.copyOf(MODEL_BYTES, 10));
        HuggingFaceHub hub = hub(server, cache).build();

        // when
        Path snapshot = hub.snapshot(REPO, List.of(TEXT_MODEL));

        // then
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
    }
}
