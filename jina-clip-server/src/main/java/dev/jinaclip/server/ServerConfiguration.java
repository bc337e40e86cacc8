package dev.jinaclip.server;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.cost.TokenEstimator;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.onnx.TokenizerTextCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The server's beans over the engine that {@code spring-ai-jina-clip} builds from {@code spring.ai.jina-clip.*}. */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServerConfiguration.class);

    @Bean
    JinaClipModel servedModel(ClipEngine engine) {
        return engine.model();
    }

    /** Counts text tokens with the model's own tokenizer, as the hosted API bills them. */
    @Bean
    TokenizerTextCounter billedTextTokens(ClipEngine engine) {
        return TokenizerTextCounter.load(local(engine).files().tokenizer());
    }

    @Bean
    EmbeddingService embeddingService(ClipEngine engine, EmbeddingBatcher batcher,
            TokenizerTextCounter billedTextTokens, ServerMetrics metrics) {
        return new EmbeddingService(local(engine), batcher, TokenEstimator.of(engine.model(), billedTextTokens),
                metrics);
    }

    /**
     * Reads requests within the engine's image settings, downloading image URLs itself when the engine fetches
     * them; refuses to start on unsafe remote-image settings. Closed with the context (its downloads).
     */
    @Bean
    RequestReader requestReader(ClipEngine engine, Environment environment, ServerProperties properties) {
        JinaClipOnnxEngine local = local(engine);
        JinaClipOnnxConfig config = local.config();
        RemoteImageSettings.check(config,
                environment.containsProperty("spring.ai.jina-clip.onnx.allow-private-image-addresses"));
        ImageLimits limits = new ImageLimits(local);
        return new RequestReader(engine.model(), limits,
                config.fetchRemoteImages()
                        ? new ImageDownloads(config, limits, properties.getMaxBodySize().toBytes()) : null);
    }

    /**
     * Closed (its inferred {@code close()}) after the web server's graceful shutdown has let the admitted requests
     * finish, and before the engine it depends on; it then waits as long as one shutdown phase for what it holds.
     * {@code shutdownDrain} is a dependency only: so that the batcher is destroyed before it.
     */
    @Bean
    EmbeddingBatcher embeddingBatcher(ClipEngine engine, ServerProperties properties, ServerMetrics metrics,
            LifecycleProperties lifecycle, ShutdownDrain shutdownDrain) {
        return new EmbeddingBatcher(engine, properties.getBatchWindow(), properties.getBatchMaxInputs(),
                properties.getMaxConcurrentBatches(), lifecycle.getTimeoutPerShutdownPhase(), metrics);
    }

    /**
     * Holds ONNX Runtime's shutdown hook until the batcher, which depends on it (and so is destroyed first), has
     * embedded the requests it was handed.
     */
    @Bean
    ShutdownDrain shutdownDrain(LifecycleProperties lifecycle) {
        return new ShutdownDrain(lifecycle.getTimeoutPerShutdownPhase());
    }

    /** The access log and request ids, on the endpoint only (not on health or metrics). */
    @Bean
    FilterRegistrationBean<AccessLog> accessLog() {
        FilterRegistrationBean<AccessLog> registration = new FilterRegistrationBean<>(new AccessLog());
        registration.addUrlPatterns("/v1/embeddings");
        return registration;
    }

    @Bean
    ServerMetrics serverMetrics(MeterRegistry registry) {
        return new ServerMetrics(registry);
    }

    private static JinaClipOnnxEngine local(ClipEngine engine) {
        if (engine instanceof JinaClipOnnxEngine local) {
            return local;
        }
        throw new IllegalStateException("jina-clip-server serves the local backend: set"
                + " spring.ai.jina-clip.backend=onnx (the engine is " + engine + ")");
    }

    @Bean
    AdmissionQueue admissionQueue(ServerProperties properties, ServerMetrics metrics, MeterRegistry registry) {
        AdmissionQueue queue = new AdmissionQueue(properties.getMaxPendingRequests(), properties.getRetryAfter());
        metrics.watch(queue, registry);
        return queue;
    }

    /** The "model" health contributor, in the readiness group (application.properties). */
    @Bean
    ModelHealthIndicator modelHealthIndicator(ClipEngine engine) {
        return new ModelHealthIndicator(engine);
    }

    @Bean
    BearerKeys bearerKeys(ServerProperties properties) {
        BearerKeys keys = new BearerKeys(properties.getApiKeys());
        if (keys.open()) {
            log.warn("No API keys configured (jina-clip.server.api-keys): /v1/embeddings is open to any caller");
        } else {
            log.info("/v1/embeddings takes {} API key(s)", properties.getApiKeys().size());
        }
        return keys;
    }
}
