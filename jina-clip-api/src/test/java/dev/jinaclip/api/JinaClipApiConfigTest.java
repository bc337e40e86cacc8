package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.JinaClipModel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JinaClipApiConfigTest {

    static JinaClipApiConfig.Builder withKey() {
        return JinaClipApiConfig.builder().apiKey("jina_test_key");
    }

    @Test
    void should_apply_documented_defaults() {
        JinaClipApiConfig config = withKey().build();

        assertThat(config.embeddingsUrl()).hasToString("https://api.jina.ai/v1/embeddings");
        assertThat(config.model()).isEqualTo(JinaClipModel.JINA_CLIP_V1);
        assertThat(config.dimension()).isEqualTo(768);
        assertThat(config.dimensions()).isNull();
        assertThat(config.normalized()).isTrue();
        assertThat(config.truncate()).isFalse();
        assertThat(config.embeddingType()).isEqualTo(EmbeddingType.FLOAT);
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxRetries()).isEqualTo(3);
        assertThat(config.maxBatchSize()).isEqualTo(64);
        assertThat(config.maxConcurrentRequests()).isEqualTo(5);
        assertThat(config.logRequests()).isFalse();
        assertThat(config.logResponses()).isFalse();
    }

    @Test
    void should_take_the_key_from_JINA_API_KEY_when_none_is_given() {
        JinaClipApiConfig config = JinaClipApiConfig.builder()
                .environment(Map.of("JINA_API_KEY", "jina_from_env")::get).build();

        assertThat(config.apiKey()).isEqualTo("jina_from_env");
    }

    @Test
    void should_say_how_to_set_a_missing_key() {
        assertThatThrownBy(() -> JinaClipApiConfig.builder().environment(name -> null).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apiKey(...)")
                .hasMessageContaining("JINA_API_KEY");
        assertThatThrownBy(() -> JinaClipApiConfig.builder().environment(name -> "  ").build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_reject_dimensions_for_v1() {
        assertThatThrownBy(() -> withKey().dimensions(512).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimensions is not supported by jina-clip-v1");
    }

    @Test
    void should_accept_dimensions_for_v2_within_its_range() {
        assertThat(withKey().model("jina-clip-v2").dimensions(64).build().dimension()).isEqualTo(64);
        assertThat(withKey().model("jina-clip-v2").build().dimension()).isEqualTo(1024);
        assertThatThrownBy(() -> withKey().model("jina-clip-v2").dimensions(1025).build())
                .hasMessageContaining("between 1 and 1024");
        assertThatThrownBy(() -> withKey().model("jina-clip-v2").dimensions(0).build())
                .hasMessageContaining("between 1 and 1024");
    }

    @Test
    void should_reject_unknown_model_names_listing_the_supported_ones() {
        assertThatThrownBy(() -> withKey().model("jina-embeddings-v3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jina-clip-v1, jina-clip-v2");
    }

    @ParameterizedTest
    @CsvSource({
            "maxBatchSize, 0, maxBatchSize must be at least 1",
            "maxBatchSize, 2049, at most 2048",
            "maxConcurrentRequests, 0, maxConcurrentRequests must be at least 1",
            "maxRetries, -1, maxRetries must be at least 0"})
    void should_reject_out_of_range_numbers(String option, int value, String message) {
        JinaClipApiConfig.Builder builder = withKey();
        switch (option) {
            case "maxBatchSize" -> builder.maxBatchSize(value);
            case "maxConcurrentRequests" -> builder.maxConcurrentRequests(value);
            default -> builder.maxRetries(value);
        }
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void should_reject_non_positive_durations() {
        assertThatThrownBy(() -> withKey().timeout(Duration.ZERO).build()).hasMessageContaining("timeout");
        assertThatThrownBy(() -> withKey().initialRetryDelay(Duration.ofSeconds(60)).build())
                .hasMessageContaining("must not be longer than maxRetryDelay");
    }

    @ParameterizedTest
    @CsvSource({
            "https://api.jina.ai, https://api.jina.ai/v1/embeddings",
            "https://api.jina.ai/, https://api.jina.ai/v1/embeddings",
            "https://api.jina.ai/v1, https://api.jina.ai/v1/embeddings",
            "https://api.jina.ai/v1/, https://api.jina.ai/v1/embeddings",
            "http://localhost:8080/proxy/jina, http://localhost:8080/proxy/jina/v1/embeddings"})
    void should_accept_base_urls_with_or_without_v1(String baseUrl, String expected) {
        assertThat(withKey().baseUrl(baseUrl).build().embeddingsUrl()).hasToString(expected);
    }

    @Test
    void should_reject_a_base_url_that_is_not_http() {
        assertThatThrownBy(() -> withKey().baseUrl("ftp://api.jina.ai").build())
                .hasMessageContaining("baseUrl is not an http(s) URL: 'ftp://api.jina.ai'");
    }
}
