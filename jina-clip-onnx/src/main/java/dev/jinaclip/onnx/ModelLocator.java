package dev.jinaclip.onnx;

import dev.jinaclip.hub.HuggingFaceHub;
import java.nio.file.Path;

/** Finds the model files: in the configured folder, or in the Hugging Face Hub cache, downloading what is missing. */
final class ModelLocator {

    private ModelLocator() {
    }

    static ModelFiles locate(JinaClipOnnxConfig config) {
        if (config.modelDirectory() != null) {
            return ModelFiles.in(config.modelDirectory(), config.variant());
        }
        HuggingFaceHub hub = config.hub();
        if (hub == null) {
            HuggingFaceHub.Builder builder = HuggingFaceHub.builder();
            if (config.cacheDirectory() != null) {
                builder.cacheDirectory(config.cacheDirectory());
            }
            if (config.offline() != null) {
                builder.offline(config.offline());
            }
            hub = builder.build();
        }
        Path snapshot = hub.snapshot(config.repoId(), config.revision(), ModelFiles.repoPaths(config.variant()));
        return ModelFiles.in(snapshot, config.variant());
    }
}
