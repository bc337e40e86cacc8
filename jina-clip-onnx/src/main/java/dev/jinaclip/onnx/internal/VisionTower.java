package dev.jinaclip.onnx.internal;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.platform.Fp16Conversions;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The vision tower: {@code pixel_values} float32 (or float16) [batch, 3, 224, 224] → {@code image_embeds}
 * [batch, 768].
 */
public final class VisionTower extends OnnxTower {

    static final String INPUT = "pixel_values";
    static final String OUTPUT = "image_embeds";

    private final int imageSize;
    private final boolean halfPrecisionInput;

    public VisionTower(OrtEnvironment environment, Path file, OrtSession.SessionOptions options,
                       String arenasToShrink, int dimension, int imageSize) {
        super(environment, file, options, arenasToShrink, OUTPUT, dimension);
        this.imageSize = imageSize;
        try {
            TensorInfo info = requireInput(INPUT, new long[] {-1, 3, imageSize, imageSize},
                    OnnxJavaType.FLOAT, OnnxJavaType.FLOAT16);
            this.halfPrecisionInput = info.type == OnnxJavaType.FLOAT16;
            if (session.getNumInputs() != 1) {
                throw mismatch("has inputs " + inputNames() + ", expected only '" + INPUT + "'");
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Values per image in {@code pixel_values}: 3 × size × size. */
    public int valuesPerImage() {
        return 3 * imageSize * imageSize;
    }

    /**
     * Embeds a batch of preprocessed images.
     *
     * @param pixelValues {@code rows} images in NCHW order from index 0, {@link #valuesPerImage()} values each; a
     *                    direct buffer in native order is read in place, without a copy
     * @return one raw (not normalised) vector per image
     */
    public float[][] embed(FloatBuffer pixelValues, int rows) throws OrtException {
        long[] shape = {rows, 3, imageSize, imageSize};
        FloatBuffer values = pixelValues.duplicate().position(0).limit(rows * valuesPerImage());
        Map<String, OnnxTensor> inputs = new HashMap<>();
        inputs.put(INPUT, halfPrecisionInput
                ? OnnxTensor.createTensor(environment, Fp16Conversions.convertFloatBufferToFp16Buffer(values), shape,
                        OnnxJavaType.FLOAT16)
                : OnnxTensor.createTensor(environment, values, shape));
        return run(inputs, rows);
    }
}
