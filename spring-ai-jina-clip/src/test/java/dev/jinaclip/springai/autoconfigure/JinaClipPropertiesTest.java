package dev.jinaclip.springai.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.onnx.ExecutionProvider;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.OnnxVariant;
import dev.jinaclip.springai.autoconfigure.JinaClipProperties.Backend;
import java.beans.PropertyDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * Binding of {@code spring.ai.jina-clip.*}, and the one mapping of each backend's properties onto its engine's
 * configuration: every property reaches its setting, and an unset one leaves the engine's default.
 */
class JinaClipPropertiesTest {

    private static final String P = "spring.ai.jina-clip.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void should_bind_every_property_and_map_it_onto_the_hosted_config() {
        runner.withPropertyValues(
                P + "api-key=" + TestSupport.API_KEY,
                P + "base-url=http://localhost:8080/v1",
                P + "model=jina-clip-v2",
                P + "dimensions=256",
                P + "normalized=false",
                P + "embedding-type=base64",
                P + "truncate=true",
                P + "timeout=15s",
                P + "connect-timeout=2s",
                P + "max-retries=0",
                P + "initial-retry-delay=100ms",
                P + "max-retry-delay=5s",
                P + "max-batch-size=16",
                P + "max-concurrent-requests=2",
                P + "log-requests=true",
                P + "log-responses=true",
                P + "image-token-saver=true").run(context -> {
                    // when
                    JinaClipApiConfig config = context.getBean(JinaClipProperties.class)
                            .toConfig(new MockEnvironment());

                    // then
                    assertThat(config.embeddingsUrl()).hasToString("http://localhost:8080/v1/embeddings");
                    assertThat(config.model()).isEqualTo(JinaClipModel.JINA_CLIP_V2);
                    assertThat(config.dimensions()).isEqualTo(256);
                    assertThat(config.normalized()).isFalse();
                    assertThat(config.embeddingType()).isEqualTo(EmbeddingType.BASE64);
                    assertThat(config.truncate()).isTrue();
                    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(config.maxRetries()).isZero();
                    assertThat(config.initialRetryDelay()).isEqualTo(Duration.ofMillis(100));
                    assertThat(config.maxRetryDelay()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(config.maxBatchSize()).isEqualTo(16);
                    assertThat(config.maxConcurrentRequests()).isEqualTo(2);
                    assertThat(config.logRequests()).isTrue();
                    assertThat(config.logResponses()).isTrue();
                    assertThat(config.imageTokenSaver()).isTrue();
                });
    }

    @Test
    void should_bind_every_property_and_map_it_onto_the_local_config() {
        runner.withPropertyValues(
                P + "backend=onnx",
                P + "normalized=false",
                P + "max-batch-size=8",
                P + "onnx.repo-id=mirror/jina-clip-v1",
                P + "onnx.revision=fd7f7158b59ba9347679ec009a6547936d2c7378",
                P + "onnx.cache-directory=/var/cache/hf",
                P + "onnx.offline=true",
                P + "onnx.variant=fp16",
                P + "onnx.max-text-tokens=77",
                P + "onnx.fail-on-truncation=true",
                P + "onnx.max-batch-tokens=2048",
                P + "onnx.max-image-batch-size=2",
                P + "onnx.max-inference-memory=2GB",
                P + "onnx.intra-op-threads=4",
                P + "onnx.execution-provider=cuda",
                P + "onnx.device-id=1",
                P + "onnx.max-image-bytes=8MB",
                P + "onnx.max-image-pixels=1000000",
                P + "onnx.fetch-remote-images=false",
                P + "onnx.image-hosts=images.example.com,*.cdn.example.com",
                P + "onnx.allow-private-image-addresses=false",
                P + "onnx.image-connect-timeout=1s",
                P + "onnx.image-read-timeout=2s",
                P + "onnx.image-download-timeout=3s",
                P + "onnx.max-image-downloads=8",
                P + "onnx.max-image-downloads-per-host=2").run(context -> {
                    // when
                    JinaClipProperties shared = context.getBean(JinaClipProperties.class);
                    JinaClipOnnxConfig config = context.getBean(JinaClipOnnxProperties.class).toConfig(shared);

                    // then
                    assertThat(shared.getBackend()).isEqualTo(Backend.ONNX);
                    assertThat(config.normalized()).isFalse();
                    assertThat(config.maxBatchSize()).isEqualTo(8);
                    assertThat(config.repoId()).isEqualTo("mirror/jina-clip-v1");
                    assertThat(config.revision()).isEqualTo("fd7f7158b59ba9347679ec009a6547936d2c7378");
                    assertThat(config.cacheDirectory()).isEqualTo(Path.of("/var/cache/hf"));
                    assertThat(config.offline()).isTrue();
                    assertThat(config.variant()).isEqualTo(OnnxVariant.FP16);
                    assertThat(config.maxTextTokens()).isEqualTo(77);
                    assertThat(config.failOnTruncation()).isTrue();
                    assertThat(config.maxBatchTokens()).isEqualTo(2048);
                    assertThat(config.maxImageBatchSize()).isEqualTo(2);
                    assertThat(config.maxInferenceMemory()).isEqualTo(DataSize.ofGigabytes(2).toBytes());
                    assertThat(config.intraOpThreads()).isEqualTo(4);
                    assertThat(config.executionProvider()).isEqualTo(ExecutionProvider.CUDA);
                    assertThat(config.deviceId()).isEqualTo(1);
                    assertThat(config.maxImageBytes()).isEqualTo(DataSize.ofMegabytes(8).toBytes());
                    assertThat(config.maxImagePixels()).isEqualTo(1_000_000L);
                    assertThat(config.fetchRemoteImages()).isFalse();
                    assertThat(config.imageHosts()).containsExactly("images.example.com", "*.cdn.example.com");
                    assertThat(config.allowPrivateImageAddresses()).isFalse();
                    assertThat(config.imageConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(config.imageReadTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(config.imageDownloadTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(config.maxImageDownloads()).isEqualTo(8);
                    assertThat(config.maxImageDownloadsPerHost()).isEqualTo(2);
                });
    }

    @Test
    void should_bind_the_model_directory() {
        runner.withPropertyValues(P + "onnx.model-directory=/models/jina-clip-v1").run(context -> assertThat(
                context.getBean(JinaClipOnnxProperties.class).toConfig(context.getBean(JinaClipProperties.class))
                        .modelDirectory()).isEqualTo(Path.of("/models/jina-clip-v1")));
    }

    @Test
    void should_leave_every_unset_property_null_for_the_engines_default() {
        assertThat(nonNullProperties(new JinaClipProperties())).containsExactly("backend");
        assertThat(nonNullProperties(new JinaClipOnnxProperties())).isEmpty();
    }

    @Test
    void should_give_the_engines_defaults_when_nothing_is_set() {
        // when
        JinaClipApiConfig hosted = new JinaClipProperties()
                .toConfig(new MockEnvironment().withProperty("JINA_API_KEY", TestSupport.API_KEY));
        JinaClipOnnxConfig local = new JinaClipOnnxProperties().toConfig(new JinaClipProperties());

        // then
        assertThat(hosted).hasToString(JinaClipApiConfig.builder().apiKey(TestSupport.API_KEY).build().toString());
        assertThat(local).hasToString(JinaClipOnnxConfig.builder().build().toString());
    }

    @Test
    void should_read_the_api_key_from_the_applications_environment_only() {
        JinaClipProperties properties = new JinaClipProperties();

        assertThat(properties.toConfig(new MockEnvironment().withProperty("JINA_API_KEY", TestSupport.API_KEY)))
                .isNotNull();
        assertThatThrownBy(() -> properties.toConfig(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("No Jina API key");
    }

    @Test
    void should_reject_a_model_or_dimensions_that_the_local_backend_does_not_serve() {
        JinaClipProperties v2 = new JinaClipProperties();
        v2.setModel("jina-clip-v2");
        JinaClipProperties dimensions = new JinaClipProperties();
        dimensions.setDimensions(256);
        JinaClipProperties v1 = new JinaClipProperties();
        v1.setModel("jina-clip-v1");

        assertThatThrownBy(() -> new JinaClipOnnxProperties().toConfig(v2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model jina-clip-v2 is served by the hosted backend only; the local backend runs"
                        + " jina-clip-v1");
        assertThatThrownBy(() -> new JinaClipOnnxProperties().toConfig(dimensions))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dimensions is not supported");
        assertThat(new JinaClipOnnxProperties().toConfig(v1)).isNotNull();
    }

    private static List<String> nonNullProperties(Object properties) {
        List<String> set = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(properties.getClass())) {
            if (property.getWriteMethod() != null) {
                try {
                    if (property.getReadMethod().invoke(properties) != null) {
                        set.add(property.getName());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return set;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({JinaClipProperties.class, JinaClipOnnxProperties.class})
    static class PropertiesOnly {
    }
}
