package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.hub.ModelDownloadException;
import dev.jinaclip.langchain4j.JinaClipApiEmbeddingModel;
import dev.jinaclip.langchain4j.JinaClipOnnxEmbeddingModel;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.ModelFiles;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the LangChain4j model of the configured backend, and turns the engines' start-up failures into
 * {@link JinaClipConfigurationException}s that say which property to set.
 */
final class JinaClipModelFactory {

    private static final Logger log = LoggerFactory.getLogger(JinaClipAutoConfiguration.class);
    private static final String P = JinaClipProperties.CONFIG_PREFIX + ".";
    private static final String FILES = "tokenizer.json, onnx/text_model.onnx and onnx/vision_model.onnx";

    private JinaClipModelFactory() {
    }

    static MultimodalEmbeddingModel create(JinaClipProperties properties, Environment environment) {
        return switch (properties.getBackend()) {
            case API -> hosted(properties, environment);
            case ONNX -> local(properties);
        };
    }

    private static JinaClipApiEmbeddingModel hosted(JinaClipProperties properties, Environment environment) {
        String apiKey = StringUtils.hasText(properties.getApiKey()) ? properties.getApiKey()
                : environment.getProperty(JinaClipApiConfig.API_KEY_ENV);
        if (!StringUtils.hasText(apiKey)) {
            throw new JinaClipConfigurationException("jina-clip's hosted backend (" + P + "backend=api, the default)"
                    + " needs a Jina API key, and none is configured.",
                    "Set " + P + "api-key, or the environment variable " + JinaClipApiConfig.API_KEY_ENV
                            + " (get a key at https://jina.ai/embeddings). To run jina-clip in-process without a key,"
                            + " set " + P + "backend=onnx.", null);
        }
        try {
            JinaClipApiEmbeddingModel model = JinaClipApiEmbeddingModel.builder()
                    .apiKey(apiKey)
                    .baseUrl(properties.getBaseUrl())
                    .modelName(properties.getModel())
                    .dimensions(properties.getDimensions())
                    .normalized(properties.isNormalized())
                    .embeddingType(properties.getEmbeddingType())
                    .maxBatchSize(properties.getMaxBatchSize())
                    .maxConcurrentRequests(properties.getMaxConcurrentRequests())
                    .timeout(properties.getTimeout())
                    .maxRetries(properties.getMaxRetries())
                    .build();
            log.info("jina-clip: hosted backend (Jina Embeddings API at {}), model {}, {} dimensions",
                    properties.getBaseUrl(), model.modelName(), model.dimension());
            return model;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new JinaClipConfigurationException("jina-clip's hosted backend rejected its settings: "
                    + e.getMessage(), "Correct the " + P + "* properties named above.", e);
        }
    }

    private static JinaClipOnnxEmbeddingModel local(JinaClipProperties properties) {
        JinaClipProperties.Onnx onnx = properties.getOnnx();
        Path modelDir = onnx.getModelDir();
        if (modelDir != null) {
            try {
                ModelFiles.in(modelDir, onnx.getVariant());
            } catch (IllegalArgumentException e) {
                throw new JinaClipConfigurationException("The jina-clip model folder " + P + "onnx.model-dir="
                        + modelDir + " cannot be used: " + e.getMessage(),
                        "Set " + P + "onnx.model-dir to a folder laid out like the Hugging Face repo "
                                + JinaClipOnnxConfig.DEFAULT_REPO_ID + " (" + FILES + " for variant fp32), or"
                                + " remove it to download the model into the Hugging Face cache on first start.", e);
            }
        }
        try {
            JinaClipOnnxEmbeddingModel model = JinaClipOnnxEmbeddingModel.builder()
                    .modelDirectory(modelDir)
                    // a model folder needs no download: a cache-dir beside it is rejected by the engine, and
                    // revision is left out because it always has a value (its default)
                    .cacheDirectory(onnx.getCacheDir())
                    .revision(modelDir == null ? onnx.getRevision() : null)
                    .offline(onnx.getOffline())
                    .variant(onnx.getVariant())
                    .maxTextTokens(onnx.getMaxTextTokens())
                    .intraOpThreads(onnx.getIntraOpThreads())
                    .maxBatchSize(properties.getMaxBatchSize())
                    .normalize(properties.isNormalized())
                    .build();
            log.info("jina-clip: local backend (ONNX Runtime), model {} variant {} from {}, {} dimensions",
                    model.modelName(), onnx.getVariant(), model.engine().files().directory(), model.dimension());
            return model;
        } catch (ModelDownloadException e) {
            throw downloadFailure(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new JinaClipConfigurationException("jina-clip's local backend could not load the model: "
                    + e.getMessage(), "Check that " + (modelDir != null ? P + "onnx.model-dir" : "the cached model")
                    + " holds the ONNX export of " + JinaClipOnnxConfig.DEFAULT_REPO_ID + " for " + P + "onnx.variant="
                    + onnx.getVariant() + ", and that the other "
                    + P + "onnx.* properties are in range.", e);
        }
    }

    private static JinaClipConfigurationException downloadFailure(ModelDownloadException e) {
        String description = "jina-clip's local backend could not get the model files: " + e.getMessage();
        String fallback = " Or set " + P + "onnx.model-dir to a folder holding " + FILES + ", or use the hosted"
                + " backend (" + P + "backend=api).";
        String action = switch (e.failure()) {
            case NOT_CACHED -> "Offline mode is on (" + P + "onnx.offline=true or HF_HUB_OFFLINE) and the Hugging Face"
                    + " cache lacks the model. Start once with network access and " + P + "onnx.offline=false to"
                    + " download it (about 900 MB for fp32; " + P + "onnx.cache-dir says where)." + fallback;
            case NETWORK -> "Check the network or proxy (HF_ENDPOINT names a mirror), or start offline with a filled"
                    + " cache (" + P + "onnx.offline=true)." + fallback;
            case UNAUTHORIZED -> "Set the HF_TOKEN environment variable to a Hugging Face token with access." + fallback;
            case NOT_FOUND -> "Check " + P + "onnx.revision and " + P + "onnx.variant." + fallback;
            case DISK -> "Make " + P + "onnx.cache-dir (or HF_HUB_CACHE) a writable folder with space." + fallback;
            default -> "Start again; partial downloads resume." + fallback;
        };
        return new JinaClipConfigurationException(description, action, e);
    }
}
