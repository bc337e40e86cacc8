package dev.jinaclip.onnx;

/**
 * Where ONNX Runtime runs the model.
 */
public enum ExecutionProvider {

    /** The CPU, with the {@code com.microsoft.onnxruntime:onnxruntime} artifact. The default. */
    CPU,

    /**
     * An NVIDIA GPU through CUDA. Needs {@code com.microsoft.onnxruntime:onnxruntime_gpu} on the class path instead
     * of {@code onnxruntime}, and a matching CUDA and cuDNN installation; the device is chosen by its id.
     */
    CUDA
}
