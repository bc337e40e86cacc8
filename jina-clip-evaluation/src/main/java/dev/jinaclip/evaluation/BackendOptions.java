package dev.jinaclip.evaluation;

import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.onnx.OnnxVariant;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options of one backend; {@code --backend} starts each backend's group on the command line. */
final class BackendOptions {

    /** The two backends. */
    enum Kind {
        API, ONNX;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--backend", required = true, paramLabel = "api|onnx",
            description = "The backend: api (the hosted Jina Embeddings API) or onnx (in-process ONNX Runtime). "
                    + "Repeat --backend and its options for more rows.")
    Kind kind;

    @Option(names = "--label", paramLabel = "TEXT",
            description = "The row's name in the tables. Default: the model and backend, e.g. 'jina-clip-v1 (onnx)'.")
    String label;

    @Option(names = "--model", paramLabel = "NAME",
            description = "api: jina-clip-v1 (default) or jina-clip-v2. onnx runs jina-clip-v1 only.")
    String model;

    @Option(names = "--api-key-env", paramLabel = "VARIABLE",
            description = "api: the environment variable holding the API key. Default: " + JinaClipApiConfig.API_KEY_ENV
                    + ".")
    String apiKeyEnv;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "api: the API's address. Default: " + JinaClipApiConfig.DEFAULT_BASE_URL + ".")
    String baseUrl;

    @Option(names = "--model-directory", paramLabel = "DIR",
            description = "onnx: a folder laid out like the Hugging Face repo jinaai/jina-clip-v1 (tokenizer.json, "
                    + "onnx/text_model.onnx, onnx/vision_model.onnx). Default: download it to the Hugging Face cache.")
    Path modelDirectory;

    @Option(names = "--variant", paramLabel = "VARIANT",
            description = "onnx: the ONNX files to use: fp32 (default), fp16, int8, uint8, quantized, q4, bnb4.")
    OnnxVariant variant;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Inputs per engine call (the progress bar moves per call). Default: api, the client's "
                    + "batch size × concurrent requests; onnx, the engine's batch size.")
    Integer batchSize;

    /**
     * Checks the options and makes the backend's configuration, opening nothing.
     *
     * @throws IllegalArgumentException naming the option, for an option of the other backend or a bad value
     * @throws IllegalStateException    if the API key's environment variable is not set
     */
    Backend configure(Function<String, String> environment) {
        if (batchSize != null && batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, was " + batchSize);
        }
        return kind == Kind.API ? api(environment) : onnx();
    }

    private Backend api(Function<String, String> environment) {
        rejectOptions("api", option("--model-directory", modelDirectory), option("--variant", variant));
        String variable = apiKeyEnv != null ? apiKeyEnv : JinaClipApiConfig.API_KEY_ENV;
        String key = environment.apply(variable);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No Jina API key: the environment variable " + variable
                    + " is not set (set it, or name another with --api-key-env)");
        }
        JinaClipApiConfig.Builder builder = JinaClipApiConfig.builder().apiKey(key).model(model);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        JinaClipApiConfig config = builder.build();
        int batch = batchSize != null ? batchSize : config.maxBatchSize() * config.maxConcurrentRequests();
        return new Backend(labelOr(config.model().modelName() + " (api)"), kind.toString(), config.model(),
                config.dimension(), batch, () -> new JinaClipApiClient(config));
    }

    private Backend onnx() {
        rejectOptions("onnx", option("--api-key-env", apiKeyEnv), option("--base-url", baseUrl));
        if (model != null && !model.equals(JinaClipOnnxConfig.MODEL.modelName())) {
            throw new IllegalArgumentException("--model " + model + ": the onnx backend runs "
                    + JinaClipOnnxConfig.MODEL.modelName() + " only");
        }
        JinaClipOnnxConfig config = JinaClipOnnxConfig.builder().modelDirectory(modelDirectory).variant(variant)
                .build();
        int batch = batchSize != null ? batchSize : config.maxBatchSize();
        String variantName = variant == null ? "" : " " + variant;
        return new Backend(labelOr(JinaClipOnnxConfig.MODEL.modelName() + " (onnx" + variantName + ")"),
                kind.toString(), JinaClipOnnxConfig.MODEL, JinaClipOnnxConfig.MODEL.dimension(), batch,
                () -> JinaClipOnnxEngine.load(config));
    }

    private String labelOr(String defaultLabel) {
        return label != null && !label.isBlank() ? label.strip() : defaultLabel;
    }

    private static String option(String name, Object value) {
        return value == null ? null : name;
    }

    private static void rejectOptions(String backend, String... given) {
        List<String> wrong = Arrays.stream(given).filter(Objects::nonNull).toList();
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", wrong) + " does not apply to --backend " + backend);
        }
    }
}
