package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.springai.autoconfigure.JinaClipProperties.Backend;
import java.util.Arrays;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The checks behind {@link JinaClipProperties#validate}: the engines' own ranges, reported at binding time with
 * the property's name, so that Spring Boot's failure analysis says what to set.
 */
final class JinaClipPropertiesValidator {

    private static final String P = JinaClipProperties.CONFIG_PREFIX + ".";

    private JinaClipPropertiesValidator() {
    }

    /**
     * Rejected fields are named as the properties are written ({@code max-batch-size}, not {@code maxBatchSize}):
     * Spring Boot prints the field's name in its failure report.
     */
    static void validate(JinaClipProperties properties, Errors errors) {
        JinaClipModel model = model(properties, errors);
        boolean api = properties.getBackend() == Backend.API;
        if (!api && model == JinaClipModel.JINA_CLIP_V2) {
            errors.rejectValue("model", "unsupported", P + "model jina-clip-v2 is served by the hosted backend only;"
                    + " set " + P + "model=jina-clip-v1 or " + P + "backend=api");
        }
        Integer dimensions = properties.getDimensions();
        if (dimensions != null) {
            if (!api || model != JinaClipModel.JINA_CLIP_V2) {
                errors.rejectValue("dimensions", "unsupported", P + "dimensions works with " + P + "model=jina-clip-v2"
                        + " on the hosted backend only (jina-clip-v1 always gives 768); remove it");
            } else if (dimensions < 1 || dimensions > JinaClipModel.JINA_CLIP_V2.dimension()) {
                errors.rejectValue("dimensions", "range", P + "dimensions must be between 1 and "
                        + JinaClipModel.JINA_CLIP_V2.dimension());
            }
        }
        if (HttpUrl.parse(properties.getBaseUrl()) == null) {
            errors.rejectValue("base-url", "url", P + "base-url must be an http(s) URL, such as "
                    + JinaClipApiConfig.DEFAULT_BASE_URL);
        }
        Integer maxBatchSize = properties.getMaxBatchSize();
        int batchLimit = api ? JinaClipApiConfig.MAX_INPUTS_PER_REQUEST : Integer.MAX_VALUE;
        if (maxBatchSize != null && (maxBatchSize < 1 || maxBatchSize > batchLimit)) {
            errors.rejectValue("max-batch-size", "range", P + "max-batch-size must be at least 1"
                    + (api ? " and at most " + batchLimit + " (the API's limit per request)" : ""));
        }
        if (properties.getMaxConcurrentRequests() < 1) {
            errors.rejectValue("max-concurrent-requests", "range", P + "max-concurrent-requests must be at least 1");
        }
        if (properties.getTimeout() == null || properties.getTimeout().isNegative()
                || properties.getTimeout().isZero()) {
            errors.rejectValue("timeout", "range", P + "timeout must be positive, such as 60s");
        }
        if (properties.getMaxRetries() < 0) {
            errors.rejectValue("max-retries", "range", P + "max-retries must be 0 (no retries) or more");
        }
        validateOnnx(properties.getOnnx(), errors);
    }

    private static void validateOnnx(JinaClipProperties.Onnx onnx, Errors errors) {
        if (onnx.getMaxTextTokens() < 3 || onnx.getMaxTextTokens() > JinaClipOnnxConfig.MAX_TEXT_TOKENS) {
            errors.rejectValue("onnx.max-text-tokens", "range", P + "onnx.max-text-tokens must be between 3 and "
                    + JinaClipOnnxConfig.MAX_TEXT_TOKENS + " (the text tower's window)");
        }
        if (onnx.getIntraOpThreads() != null && onnx.getIntraOpThreads() < 1) {
            errors.rejectValue("onnx.intra-op-threads", "range", P + "onnx.intra-op-threads must be at least 1");
        }
        if (onnx.getRevision() == null || onnx.getRevision().isBlank()) {
            errors.rejectValue("onnx.revision", "blank", P + "onnx.revision must be a branch, tag or commit, such as "
                    + JinaClipOnnxConfig.DEFAULT_REVISION);
        }
    }

    private static @Nullable JinaClipModel model(JinaClipProperties properties, Errors errors) {
        try {
            return JinaClipModel.fromName(properties.getModel());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("model", "unknown", P + "model must be one of " + Arrays.stream(JinaClipModel.values())
                    .map(JinaClipModel::modelName).collect(Collectors.joining(", ")));
            return null;
        }
    }
}
