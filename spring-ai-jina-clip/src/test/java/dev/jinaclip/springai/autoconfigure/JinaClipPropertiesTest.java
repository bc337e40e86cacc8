package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.analyze;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.OnnxVariant;
import dev.jinaclip.springai.autoconfigure.JinaClipProperties.Backend;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding of {@code spring.ai.jina-clip.*}: every property, its default, and the checks on its value. */
class JinaClipPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void should_bind_every_property() {
        runner.withPropertyValues(
                "spring.ai.jina-clip.backend=onnx",
                "spring.ai.jina-clip.api-key=" + TestSupport.API_KEY,
                "spring.ai.jina-clip.base-url=http://localhost:8080/v1",
                "spring.ai.jina-clip.model=jina-clip-v1",
                "spring.ai.jina-clip.normalized=false",
                "spring.ai.jina-clip.embedding-type=base64",
                "spring.ai.jina-clip.max-batch-size=16",
                "spring.ai.jina-clip.max-concurrent-requests=2",
                "spring.ai.jina-clip.timeout=15s",
                "spring.ai.jina-clip.max-retries=0",
                "spring.ai.jina-clip.onnx.model-dir=/models/jina-clip-v1",
                "spring.ai.jina-clip.onnx.cache-dir=/var/cache/hf",
                "spring.ai.jina-clip.onnx.revision=fd7f7158b59ba9347679ec009a6547936d2c7378",
                "spring.ai.jina-clip.onnx.variant=fp16",
                "spring.ai.jina-clip.onnx.max-text-tokens=77",
                "spring.ai.jina-clip.onnx.intra-op-threads=4",
                "spring.ai.jina-clip.onnx.offline=true").run(context -> {
                    // then
                    JinaClipProperties p = context.getBean(JinaClipProperties.class);
                    assertThat(p.getBackend()).isEqualTo(Backend.ONNX);
                    assertThat(p.getApiKey()).isEqualTo(TestSupport.API_KEY);
                    assertThat(p.getBaseUrl()).isEqualTo("http://localhost:8080/v1");
                    assertThat(p.getModel()).isEqualTo("jina-clip-v1");
                    assertThat(p.isNormalized()).isFalse();
                    assertThat(p.getEmbeddingType()).isEqualTo(EmbeddingType.BASE64);
                    assertThat(p.getMaxBatchSize()).isEqualTo(16);
                    assertThat(p.getMaxConcurrentRequests()).isEqualTo(2);
                    assertThat(p.getTimeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(p.getMaxRetries()).isZero();
                    assertThat(p.getOnnx().getModelDir()).isEqualTo(Path.of("/models/jina-clip-v1"));
                    assertThat(p.getOnnx().getCacheDir()).isEqualTo(Path.of("/var/cache/hf"));
                    assertThat(p.getOnnx().getRevision()).isEqualTo("fd7f7158b59ba9347679ec009a6547936d2c7378");
                    assertThat(p.getOnnx().getVariant()).isEqualTo(OnnxVariant.FP16);
                    assertThat(p.getOnnx().getMaxTextTokens()).isEqualTo(77);
                    assertThat(p.getOnnx().getIntraOpThreads()).isEqualTo(4);
                    assertThat(p.getOnnx().getOffline()).isTrue();
                });
    }

    @Test
    void should_default_to_the_engines_defaults() {
        // when
        JinaClipProperties p = new JinaClipProperties();

        // then
        assertThat(p.getBackend()).isEqualTo(Backend.API);
        assertThat(p.getApiKey()).isNull();
        assertThat(p.getBaseUrl()).isEqualTo(JinaClipApiConfig.DEFAULT_BASE_URL);
        assertThat(p.getModel()).isEqualTo("jina-clip-v1");
        assertThat(p.getDimensions()).isNull();
        assertThat(p.isNormalized()).isTrue();
        assertThat(p.getEmbeddingType()).isEqualTo(EmbeddingType.FLOAT);
        assertThat(p.getMaxBatchSize()).isNull();
        assertThat(p.getMaxConcurrentRequests()).isEqualTo(JinaClipApiConfig.DEFAULT_MAX_CONCURRENT_REQUESTS);
        assertThat(p.getTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.getMaxRetries()).isEqualTo(3);
        assertThat(p.getOnnx().getModelDir()).isNull();
        assertThat(p.getOnnx().getCacheDir()).isNull();
        assertThat(p.getOnnx().getRevision()).isEqualTo(JinaClipOnnxConfig.DEFAULT_REVISION);
        assertThat(p.getOnnx().getVariant()).isEqualTo(OnnxVariant.FP32);
        assertThat(p.getOnnx().getMaxTextTokens()).isEqualTo(JinaClipOnnxConfig.DEFAULT_MAX_TEXT_TOKENS);
        assertThat(p.getOnnx().getIntraOpThreads()).isNull();
        assertThat(p.getOnnx().getOffline()).isNull();
    }

    @Test
    void should_accept_jina_clip_v2_with_dimensions_on_the_hosted_backend() {
        runner.withPropertyValues("spring.ai.jina-clip.model=jina-clip-v2", "spring.ai.jina-clip.dimensions=512")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "max-batch-size|0|spring.ai.jina-clip.max-batch-size must be at least 1 and at most 2048",
            "max-batch-size|4096|(the API's limit per request)",
            "max-concurrent-requests|0|spring.ai.jina-clip.max-concurrent-requests must be at least 1",
            "timeout|0s|spring.ai.jina-clip.timeout must be positive",
            "max-retries|-1|spring.ai.jina-clip.max-retries must be 0 (no retries) or more",
            "model|jina-clip-v3|spring.ai.jina-clip.model must be one of jina-clip-v1, jina-clip-v2",
            "dimensions|256|spring.ai.jina-clip.dimensions works with spring.ai.jina-clip.model=jina-clip-v2",
            "base-url|api.jina.ai|spring.ai.jina-clip.base-url must be an http(s) URL",
            "onnx.max-text-tokens|9000|spring.ai.jina-clip.onnx.max-text-tokens must be between 3 and 8192",
            "onnx.intra-op-threads|0|spring.ai.jina-clip.onnx.intra-op-threads must be at least 1",
            "onnx.revision|' '|spring.ai.jina-clip.onnx.revision must be a branch, tag or commit"})
    void should_reject_a_wrong_value_saying_what_to_set(String property, String value, String reason) {
        runner.withPropertyValues("spring.ai.jina-clip." + property + "=" + value).run(context -> {
            // then
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(reason);
            assertThat(analysis.getAction()).contains("Update your application's configuration");
        });
    }

    @Test
    void should_reject_jina_clip_v2_on_the_local_backend() {
        runner.withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.model=jina-clip-v2")
                .run(context -> assertThat(analyze(context.getStartupFailure()).getDescription())
                        .contains("jina-clip-v2 is served by the hosted backend only"));
    }

    @Test
    void should_list_the_valid_values_of_an_unknown_backend() {
        runner.withPropertyValues("spring.ai.jina-clip.backend=gpu").run(context -> {
            // then
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("spring.ai.jina-clip.backend").contains("gpu");
            assertThat(analysis.getAction()).contains("    api").contains("    onnx").doesNotContain("API").doesNotContain("ONNX");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JinaClipProperties.class)
    static class PropertiesOnly {
    }
}
