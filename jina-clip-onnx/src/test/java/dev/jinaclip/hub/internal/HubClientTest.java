package dev.jinaclip.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.core.internal.Backoff;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Resolve URLs and etags are formed as huggingface_hub forms them. */
class HubClientTest {

    static HubClient client(String endpoint) {
        return new HubClient(new OkHttpClient(), HttpUrl.get(endpoint), null, 0,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)));
    }

    @Test
    void should_encode_the_revision_as_one_segment_and_keep_folders_of_the_file() {
        // given
        HubClient client = client("https://huggingface.co");

        // when
        HttpUrl url = client.resolveUrl(new Target("jinaai/jina-clip-v1", "refs/pr/1", "onnx/text model.onnx"));

        // then
        assertThat(url).hasToString(
                "https://huggingface.co/jinaai/jina-clip-v1/resolve/refs%2Fpr%2F1/onnx/text%20model.onnx");
    }

    @Test
    void should_keep_the_path_of_a_mirror() {
        assertThat(client("https://mirror.example/hf").resolveUrl(new Target("gpt2", "main", "config.json")))
                .hasToString("https://mirror.example/hf/gpt2/resolve/main/config.json");
    }

    @Test
    void should_normalize_etags_as_huggingface_hub_does() {
        assertThat(HubClient.normalizeEtag("\"abc\"")).isEqualTo("abc");
        assertThat(HubClient.normalizeEtag("W/\"abc\"")).isEqualTo("abc");
        assertThat(HubClient.normalizeEtag("\"\"")).isNull();
        assertThat(HubClient.normalizeEtag(null)).isNull();
    }
}
