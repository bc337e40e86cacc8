package dev.jinaclip.onnx.internal;

import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads DJL's tokenizers native library the way an in-process model needs it: without telemetry and without the
 * GPU warnings of DJL's CUDA probe. When DJL loads the library it detects the platform, which asks the CUDA
 * runtime for the number of GPUs; on a machine that has CUDA libraries but no GPU driver that logs "Failed to
 * detect GPU count" at WARN, twice, although the tokenizer's native code is CPU-only. The probe's logging is
 * turned off for that one load and then set back as it was, so DJL's other users keep their warnings.
 */
final class TokenizerLibrary {

    private static final Logger log = LoggerFactory.getLogger(TokenizerLibrary.class);
    private static final String NATIVE_LOADER = "ai.djl.huggingface.tokenizers.jni.LibUtils";
    private static final String CUDA_PROBE = "ai.djl.util.cuda.CudaUtils";
    private static boolean loaded;

    private TokenizerLibrary() {
    }

    /** Loads the native library once; later calls do nothing. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        // DJL would otherwise query EC2 metadata and report usage; an in-process model must not call out
        if (System.getenv("OPT_OUT_TRACKING") == null && System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        Field probeLogging = probeLogging();
        boolean wasLogging = getQuietly(probeLogging);
        setQuietly(probeLogging, false);
        try {
            // its static initialiser loads the library; a failure is kept and reported when the tokenizer is built
            Class.forName(NATIVE_LOADER, true, TokenizerLibrary.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("DJL's tokenizers library (ai.djl.huggingface:tokenizers) is missing", e);
        } finally {
            setQuietly(probeLogging, wasLogging);
        }
        loaded = true;
    }

    private static Field probeLogging() {
        try {
            Field field = Class.forName(CUDA_PROBE, false, TokenizerLibrary.class.getClassLoader())
                    .getDeclaredField("logging");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Cannot silence DJL's CUDA probe (DJL changed?): {}", e.toString());
            return null;
        }
    }

    private static boolean getQuietly(Field field) {
        if (field == null) {
            return true;
        }
        try {
            return field.getBoolean(null);
        } catch (IllegalAccessException | RuntimeException e) {
            return true;
        }
    }

    private static void setQuietly(Field field, boolean value) {
        if (field == null) {
            return;
        }
        try {
            field.setBoolean(null, value);
        } catch (IllegalAccessException | RuntimeException e) {
            log.debug("Cannot set DJL's CUDA probe logging: {}", e.toString());
        }
    }
}
