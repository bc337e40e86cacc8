package dev.jinaclip.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** ONNX Runtime session options from the engine's settings. */
final class SessionOptionsFactory {

    private SessionOptionsFactory() {
    }

    /** The arenas that give memory back after each run: the CPU's, and the GPU's when CUDA runs the model. */
    static String arenasToShrink(JinaClipOnnxConfig config) {
        return config.executionProvider() == ExecutionProvider.CUDA ? "cpu:0;gpu:" + config.deviceId() : "cpu:0";
    }

    static OrtSession.SessionOptions create(JinaClipOnnxConfig config) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setOptimizationLevel(config.optimizationLevel());
            if (config.executionProvider() == ExecutionProvider.CUDA) {
                try {
                    options.addCUDA(config.deviceId());
                } catch (OrtException | UnsatisfiedLinkError e) {
                    throw new IllegalStateException("CUDA was asked for, but ONNX Runtime cannot use it ("
                            + e.getMessage() + "): put com.microsoft.onnxruntime:onnxruntime_gpu on the class path"
                            + " instead of onnxruntime, with a matching CUDA and cuDNN", e);
                }
            }
            return options;
        } catch (OrtException | RuntimeException e) {
            options.close();
            throw e;
        }
    }
}
