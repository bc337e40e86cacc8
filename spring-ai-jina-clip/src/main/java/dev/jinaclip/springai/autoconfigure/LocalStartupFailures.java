package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.hub.ModelDownloadException;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.ModelFiles;

/**
 * Why the local backend could not load its model, and what to set: the engine's message as the description, the
 * properties to change as the action. Used only where {@code jina-clip-onnx} is on the class path.
 */
final class LocalStartupFailures {

    private static final String P = JinaClipOnnxProperties.CONFIG_PREFIX + ".";
    private static final String API_BACKEND = JinaClipProperties.CONFIG_PREFIX + ".backend=api";

    private LocalStartupFailures() {
    }

    /** Model files that are missing, unreadable or not jina-clip's. */
    static JinaClipConfigurationException modelFiles(IllegalArgumentException e, JinaClipOnnxConfig config) {
        String files = String.join(", ", ModelFiles.repoPaths(config.variant()));
        String action = config.modelDirectory() != null
                ? "Set " + P + "model-directory to a folder laid out like the Hugging Face repo " + config.repoId()
                        + " (" + files + " for " + P + "variant=" + config.variant() + "), or remove it to download"
                        + " the model into the Hugging Face cache on first start."
                : "The cached files of " + config.repoId() + " are not its ONNX export for " + P + "variant="
                        + config.variant() + ": delete them from the Hugging Face cache to download them again, or set "
                        + P + "model-directory to a folder holding " + files + ".";
        return new JinaClipConfigurationException("jina-clip's local backend could not load the model: "
                + e.getMessage(), action, e);
    }

    /** ONNX Runtime that cannot run the model as configured, such as CUDA without its native libraries. */
    static JinaClipConfigurationException runtime(IllegalStateException e) {
        return new JinaClipConfigurationException("jina-clip's local backend could not start ONNX Runtime: "
                + e.getMessage(), "Check " + P + "execution-provider (and the ONNX Runtime artifact the description"
                        + " names), or use the hosted backend (" + API_BACKEND + ").", e);
    }

    /** Model files that are not cached and could not be downloaded. */
    static JinaClipConfigurationException download(ModelDownloadException e) {
        String fallback = " Or set " + P + "model-directory to a folder holding the model files, or use the hosted"
                + " backend (" + API_BACKEND + ").";
        String action = switch (e.failure()) {
            case NOT_CACHED -> "Offline mode is on (" + P + "offline=true or HF_HUB_OFFLINE) and the Hugging Face"
                    + " cache lacks the model. Start once with network access and " + P + "offline=false to"
                    + " download it (" + P + "cache-directory says where)." + fallback;
            case NETWORK -> "Check the network or proxy (HF_ENDPOINT names a mirror), or start offline with a filled"
                    + " cache (" + P + "offline=true)." + fallback;
            case UNAUTHORIZED -> "Set the HF_TOKEN environment variable to a Hugging Face token with access." + fallback;
            case NOT_FOUND -> "Check " + P + "repo-id, " + P + "revision and " + P + "variant." + fallback;
            case DISK -> "Make " + P + "cache-directory (or HF_HUB_CACHE) a writable folder with space." + fallback;
            default -> "Start again; partial downloads resume." + fallback;
        };
        return new JinaClipConfigurationException("jina-clip's local backend could not get the model files: "
                + e.getMessage(), action, e);
    }
}
