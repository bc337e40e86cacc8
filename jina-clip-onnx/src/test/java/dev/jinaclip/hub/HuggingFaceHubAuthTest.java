package dev.jinaclip.hub;

import dev.jinaclip.testing.FakeHub;
import static dev.jinaclip.testing.FakeHub.MODEL_BYTES;
import static dev.jinaclip.testing.FakeHub.REPO;
import static dev.jinaclip.testing.FakeHub.TEXT_MODEL;
import static dev.jinaclip.testing.FakeHub.TOKENIZER;
import static dev.jinaclip.hub.HubTesting.hub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HF_TOKEN reaches the Hub and nobody else, and never shows; 401 and 403 say how to get access. */
class HuggingFaceHubAuthTest {

    static final String TOKEN = "hf_secretTokenValue123";
    static final List<String> FILES = List.of(TOKENIZER, TEXT_MODEL);

    @StartStop
    final MockWebServer server = new MockWebServer();
    @StartStop
    final MockWebServer cdnServer = new MockWebServer();
    @TempDir
    Path cache;
    FakeHub fake;

    @BeforeEach
    void setUp() {
        fake = new FakeHub(cdnServer.url("/"));
        server.setDispatcher(fake);
        cdnServer.setDispatcher(fake);
        fake.requiredToken = TOKEN;
    }

    @Test
    void should_send_hf_token_to_the_hub_but_not_to_the_cdn() {
        // given
        HuggingFaceHub hub = hub(server, cache, Map.of("HF_TOKEN", TOKEN)).build();

        // when
        Path snapshot = hub.snapshot(REPO, FILES);

        // then
        assertThat(snapshot.resolve(TEXT_MODEL)).hasBinaryContent(MODEL_BYTES);
        assertThat(fake.exchanges).filteredOn(e -> e.port() == server.getPort())
                .isNotEmpty().allMatch(e -> ("Bearer " + TOKEN).equals(e.authorization()));
        assertThat(fake.exchanges).filteredOn(e -> e.port() == cdnServer.getPort())
                .hasSize(1).allMatch(e -> e.authorization() == null);
    }

    @Test
    void should_drop_the_token_when_a_download_redirects_to_another_host() {
        // given a mirror that redirects the GET, not the HEAD
        fake.redirectOnlyGet = true;
        HuggingFaceHub hub = hub(server, cache).token(TOKEN).build();

        // when
        hub.snapshot(REPO, List.of(TEXT_MODEL));

        // then
        assertThat(fake.exchanges).extracting(FakeHub.Exchange::method, FakeHub.Exchange::port)
                .containsExactly(tuple("HEAD", server.getPort()),
                        tuple("GET", server.getPort()),
                        tuple("GET", cdnServer.getPort()));
        assertThat(fake.cdnGets()).singleElement().extracting(FakeHub.Exchange::authorization).isNull();
    }

    @Test
    void should_ask_for_hf_token_on_401() {
        // given no token
        HuggingFaceHub hub = hub(server, cache).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, FILES))
                .isInstanceOfSatisfying(ModelDownloadException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ModelDownloadException.Failure.UNAUTHORIZED);
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageContaining("Repository jinaai/jina-clip-v1 was not found, or it is private or gated")
                .hasMessageContaining("set HF_TOKEN");
    }

    @Test
    void should_explain_a_gated_repository_on_403_without_showing_the_token() {
        // given a token without access
        fake.gated = true;
        HuggingFaceHub hub = hub(server, cache).token("hf_otherToken456").build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, FILES))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("jinaai/jina-clip-v1 is a gated repository")
                .hasMessageContaining("accept its conditions at " + server.url("/jinaai/jina-clip-v1"))
                .hasMessageContaining("HF_TOKEN")
                .hasMessageContaining("GatedRepo (from the fake hub)")
                .hasMessageNotContaining("hf_otherToken456");
    }

    @Test
    void should_never_show_the_token() {
        // given
        HuggingFaceHub.Builder builder = hub(server, cache).token(TOKEN);

        // when
        HuggingFaceHub hub = builder.build();

        // then
        assertThat(hub.toString()).contains("token=********").doesNotContain(TOKEN);
        assertThat(builder.toString()).contains("token=********").doesNotContain(TOKEN);
        assertThat(hub(server, cache).build().toString()).contains("token=none");
    }

    @Test
    void should_keep_cdn_signatures_out_of_error_messages() {
        // given a CDN that refuses the signed link
        QueueDispatcher refusingCdn = new QueueDispatcher();
        refusingCdn.enqueue(new MockResponse.Builder().code(403).build());
        cdnServer.setDispatcher(refusingCdn);
        HuggingFaceHub hub = hub(server, cache).token(TOKEN).build();

        // when / then
        assertThatThrownBy(() -> hub.snapshot(REPO, List.of(TEXT_MODEL)))
                .isInstanceOf(ModelDownloadException.class)
                .hasMessageContaining("The download link for 'onnx/text_model.onnx'")
                .hasMessageContaining("run again to get a fresh one")
                .hasMessageNotContaining("X-Amz-Signature");
    }
}
