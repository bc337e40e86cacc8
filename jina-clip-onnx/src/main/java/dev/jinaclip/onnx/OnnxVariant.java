package dev.jinaclip.onnx;

import java.util.Locale;

/**
 * The ONNX exports of jina-clip-v1 in the Hugging Face repo's {@code onnx/} folder.
 *
 * <p>{@link #FP32} is the reference. Hugging Face PR #23 replaced only the fp32 and fp16 text files, so the
 * quantised text variants predate a fix whose content is undocumented: check them against fp32 before use.
 */
public enum OnnxVariant {

    /** Full precision, {@code text_model.onnx} (548 MB) and {@code vision_model.onnx} (344 MB). The default. */
    FP32(""),
    /** Half precision weights, {@code *_fp16.onnx}: half the size. */
    FP16("_fp16"),
    /** 8-bit quantised, {@code *_int8.onnx}. */
    INT8("_int8"),
    /** 8-bit quantised (unsigned), {@code *_uint8.onnx}. */
    UINT8("_uint8"),
    /** Dynamically quantised, {@code *_quantized.onnx}. */
    QUANTIZED("_quantized"),
    /** 4-bit quantised, {@code *_q4.onnx}. */
    Q4("_q4"),
    /** 4-bit (bitsandbytes) quantised, {@code *_bnb4.onnx}. */
    BNB4("_bnb4");

    private final String suffix;

    OnnxVariant(String suffix) {
        this.suffix = suffix;
    }

    /** As configuration spells it: {@code fp32}, {@code fp16}, ... */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The text tower's path in the repo, e.g. {@code onnx/text_model_fp16.onnx}. */
    public String textModelPath() {
        return "onnx/text_model" + suffix + ".onnx";
    }

    /** The vision tower's path in the repo, e.g. {@code onnx/vision_model_fp16.onnx}. */
    public String visionModelPath() {
        return "onnx/vision_model" + suffix + ".onnx";
    }
}
