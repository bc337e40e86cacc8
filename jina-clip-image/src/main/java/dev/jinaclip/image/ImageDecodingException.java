package dev.jinaclip.image;

import dev.jinaclip.core.JinaClipException;

/**
 * An image that cannot be used: empty, of an unsupported format, truncated, corrupt, unreadable, or larger than
 * the configured pixel limit ({@link ImageTooLargeException}).
 *
 * <p>Thrown by {@link ClipImagePreprocessor}. The message says what is wrong with the image, never includes its
 * data, and does not know the image's position in a batch: the engine adds it. A caller error
 * ({@link Kind#INVALID_INPUT}): retrying with the same image fails the same way.
 */
public class ImageDecodingException extends JinaClipException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message. */
    public ImageDecodingException(String message) {
        super(Kind.INVALID_INPUT, false, message);
    }

    /** An exception with the given message and the decoder's exception as its cause. */
    public ImageDecodingException(String message, Throwable cause) {
        super(Kind.INVALID_INPUT, false, message, cause);
    }
}
