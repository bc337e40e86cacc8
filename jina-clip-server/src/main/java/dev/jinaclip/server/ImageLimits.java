package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.core.internal.InputResolver;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.image.ImageDecodingException;
import dev.jinaclip.image.ImageTooLargeException;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import java.util.Base64;
import java.util.Optional;

/**
 * The engine's image limits, applied to a base64 image while its request is read, before the request is queued:
 * its decoded size from the length of its base64 ({@code maxImageBytes}), then its pixels from its header
 * ({@code maxImagePixels}, as the engine's preprocessor applies it). An image over either is a 413
 * {@code INPUT_IMAGE_TOO_LARGE}. The image is decoded once, here: the engine is given its bytes. A downloaded
 * image is checked the same way ({@link #checked}).
 */
final class ImageLimits {

    private static final String BYTES_SETTING = "spring.ai.jina-clip.onnx.max-image-bytes";
    private static final String PIXELS_SETTING = "spring.ai.jina-clip.onnx.max-image-pixels";

    private final long maxBytes;
    private final ClipImagePreprocessor preprocessor;

    ImageLimits(JinaClipOnnxEngine engine) {
        this.maxBytes = engine.config().maxImageBytes();
        this.preprocessor = engine.imagePreprocessor();
    }

    /**
     * The input for {@code value}, raw base64 or a {@code data:} URI: its decoded bytes, or, if it is not valid
     * base64, the value itself, for the engine's input checks to name the problem.
     *
     * @throws ApiProblem a 413 naming the input and the setting, if the image is over a limit
     */
    ClipInput image(String value, int position) {
        Optional<String> payload = InputResolver.base64Payload(value);
        if (payload.isEmpty()) {
            return ClipInput.imageBase64(value); // a data: URI that is not base64: the engine's input checks say so
        }
        String base64 = payload.get();
        long size = decodedSize(base64);
        if (size > maxBytes) {
            throw tooLarge(position, "the image is " + size + " bytes, more than the " + maxBytes
                    + " this server accepts (" + BYTES_SETTING + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return ClipInput.imageBase64(value);
        }
        return checked(bytes, position);
    }

    /**
     * The input for an image's bytes (decoded from base64, or downloaded within {@code maxImageBytes}).
     *
     * @throws ApiProblem a 413 naming the input and the setting, if its header says more pixels than the limit
     */
    ClipInput checked(byte[] bytes, int position) {
        try {
            preprocessor.declaredSize(bytes);
        } catch (ImageTooLargeException e) {
            throw tooLarge(position, "the image is " + e.width() + "×" + e.height() + " = "
                    + (long) e.width() * e.height() + " pixels, more than the " + e.maxPixels()
                    + " this server accepts (" + PIXELS_SETTING + ")");
        } catch (ImageDecodingException e) {
            // an unreadable header: the engine's input checks name it, as for any caller
        }
        return ClipInput.imageBytes(bytes);
    }

    /** The bytes that {@code base64} (without whitespace) decodes to: 3 per 4 characters, less the padding. */
    private static long decodedSize(String base64) {
        int padding = 0;
        while (padding < 2 && padding < base64.length() && base64.charAt(base64.length() - 1 - padding) == '=') {
            padding++;
        }
        return (long) base64.length() * 3 / 4 - padding;
    }

    private static ApiProblem tooLarge(int position, String problem) {
        return ApiProblem.of(413, "INPUT_IMAGE_TOO_LARGE", InputErrors.message(position, problem));
    }
}
