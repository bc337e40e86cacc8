package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.hub.ModelDownloadException;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link ClipEngine} bean of the backend {@code spring.ai.jina-clip.backend} selects, imported by
 * {@link JinaClipAutoConfiguration}; each backs off for an engine the application defines. The local backend's
 * classes are only touched where {@code jina-clip-onnx} is on the class path.
 */
final class EngineConfigurations {

    private static final Logger log = LoggerFactory.getLogger(JinaClipAutoConfiguration.class);
    private static final String BACKEND = JinaClipProperties.CONFIG_PREFIX + ".backend";

    private EngineConfigurations() {
    }

    /**
     * The hosted Jina Embeddings API: {@code backend=api}, the default. Any value but {@code onnx} comes here, so
     * that binding the properties reports an unknown backend with the valid values.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(NotOnnx.class)
    static class Hosted {

        @Bean
        @ConditionalOnMissingBean(ClipEngine.class)
        JinaClipApiClient jinaClipEngine(JinaClipProperties properties, Environment environment) {
            JinaClipApiConfig config = SettingFailures.configure("hosted backend (" + BACKEND + "=api, the default)",
                    () -> properties.toConfig(environment), JinaClipProperties.class);
            JinaClipApiClient client = new JinaClipApiClient(config);
            log.info("jina-clip: hosted backend (Jina Embeddings API at {}), model {}, {} dimensions",
                    config.embeddingsUrl(), client.model(), client.dimension());
            return client;
        }
    }

    /** In-process ONNX Runtime: {@code backend=onnx}, with {@code jina-clip-onnx} on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = OnnxArtifact.ENGINE_CLASS)
    @ConditionalOnProperty(name = BACKEND, havingValue = "onnx")
    @EnableConfigurationProperties(JinaClipOnnxProperties.class)
    static class Local {

        @Bean
        @ConditionalOnMissingBean(ClipEngine.class)
        JinaClipOnnxEngine jinaClipEngine(JinaClipProperties shared, JinaClipOnnxProperties properties) {
            JinaClipOnnxConfig config = SettingFailures.configure("local backend (" + BACKEND + "=onnx)",
                    () -> properties.toConfig(shared), JinaClipProperties.class, JinaClipOnnxProperties.class);
            JinaClipOnnxEngine engine;
            try {
                engine = JinaClipOnnxEngine.load(config);
            } catch (ModelDownloadException e) {
                throw LocalStartupFailures.download(e);
            } catch (IllegalArgumentException e) {
                throw LocalStartupFailures.modelFiles(e, config);
            } catch (IllegalStateException e) {
                throw LocalStartupFailures.runtime(e);
            }
            log.info("jina-clip: local backend (ONNX Runtime), model {} variant {} from {}, {} dimensions",
                    engine.model(), config.variant(), engine.files().directory(), engine.dimension());
            return engine;
        }
    }

    /** Matches unless {@code backend=onnx}. */
    static class NotOnnx extends NoneNestedConditions {

        NotOnnx() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnProperty(name = BACKEND, havingValue = "onnx")
        static class Onnx {
        }
    }

    /** {@code backend=onnx} without {@code jina-clip-onnx}: start-up fails, saying which artifact to add. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass(OnnxArtifact.ENGINE_CLASS)
    @ConditionalOnProperty(name = BACKEND, havingValue = "onnx")
    static class LocalMissing {

        @Bean
        @ConditionalOnMissingBean(ClipEngine.class)
        ClipEngine jinaClipEngine() {
            throw OnnxArtifact.missing();
        }
    }
}
