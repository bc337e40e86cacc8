package dev.jinaclip.springai.autoconfigure;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * jina-clip cannot start with the application's configuration: a value the engine rejects (no API key for the
 * hosted backend, say), model files missing for the local one, or the local backend without its artifact. {@link JinaClipFailureAnalyzer} reports the
 * {@link #getMessage() description} and the {@link #action()} (which property to set) when the application fails
 * to start.
 *
 * @since 0.1.0
 */
public class JinaClipConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * A configuration failure.
     *
     * @param description what is wrong
     * @param action      what to set or do
     * @param cause       the engine's exception, or {@code null}
     */
    public JinaClipConfigurationException(String description, String action, @Nullable Throwable cause) {
        super(Objects.requireNonNull(description, "description"), cause);
        this.action = Objects.requireNonNull(action, "action");
    }

    /** What to set or do to fix it. */
    public String action() {
        return action;
    }
}
