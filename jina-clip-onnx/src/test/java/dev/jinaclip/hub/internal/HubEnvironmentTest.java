package dev.jinaclip.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The environment is read as huggingface_hub/constants.py reads it. */
class HubEnvironmentTest {

    static final Path HOME = Path.of("/home/ada");

    static HubEnvironment env(Map<String, String> variables) {
        return new HubEnvironment(variables::get, HOME);
    }

    @Test
    void should_default_to_the_cache_python_uses() {
        assertThat(env(Map.of()).cacheDir()).isEqualTo(Path.of("/home/ada/.cache/huggingface/hub"));
        assertThat(env(Map.of("XDG_CACHE_HOME", "/xdg")).cacheDir()).isEqualTo(Path.of("/xdg/huggingface/hub"));
        assertThat(env(Map.of("HF_HOME", "~/hf", "XDG_CACHE_HOME", "/xdg")).cacheDir())
                .isEqualTo(Path.of("/home/ada/hf/hub"));
        assertThat(env(Map.of("HUGGINGFACE_HUB_CACHE", "/legacy", "HF_HOME", "/hf")).cacheDir())
                .isEqualTo(Path.of("/legacy"));
        assertThat(env(Map.of("HF_HUB_CACHE", "/new", "HUGGINGFACE_HUB_CACHE", "/legacy")).cacheDir())
                .isEqualTo(Path.of("/new"));
    }

    @Test
    void should_ignore_blank_variables() {
        assertThat(env(Map.of("HF_HUB_CACHE", " ", "HF_TOKEN", "")).cacheDir())
                .isEqualTo(Path.of("/home/ada/.cache/huggingface/hub"));
        assertThat(env(Map.of("HF_TOKEN", "")).token()).isNull();
    }

    @Test
    void should_read_the_endpoint_without_trailing_slashes() {
        assertThat(env(Map.of()).endpoint()).isEqualTo("https://huggingface.co");
        assertThat(env(Map.of("HF_ENDPOINT", "https://hf-mirror.com//")).endpoint()).isEqualTo("https://hf-mirror.com");
    }

    @Test
    void should_read_the_token_with_the_legacy_name_as_fallback() {
        assertThat(env(Map.of("HUGGING_FACE_HUB_TOKEN", "hf_old")).token()).isEqualTo("hf_old");
        assertThat(env(Map.of("HF_TOKEN", "hf_new", "HUGGING_FACE_HUB_TOKEN", "hf_old")).token()).isEqualTo("hf_new");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE", "on", "Yes"})
    void should_read_offline_mode_from_true_values(String value) {
        assertThat(env(Map.of("HF_HUB_OFFLINE", value)).offline()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "no", "off", "2"})
    void should_stay_online_for_other_values(String value) {
        assertThat(env(Map.of("HF_HUB_OFFLINE", value)).offline()).isFalse();
    }

    @Test
    void should_read_transformers_offline_only_when_hf_hub_offline_is_unset() {
        assertThat(env(Map.of("TRANSFORMERS_OFFLINE", "1")).offline()).isTrue();
        assertThat(env(Map.of("HF_HUB_OFFLINE", "0", "TRANSFORMERS_OFFLINE", "1")).offline()).isFalse();
    }
}
