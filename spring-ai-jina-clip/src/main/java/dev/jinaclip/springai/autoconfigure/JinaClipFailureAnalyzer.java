package dev.jinaclip.springai.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link JinaClipConfigurationException} anywhere in a start-up failure into Spring Boot's
 * "APPLICATION FAILED TO START" report: what is wrong, and which property to set. Registered in
 * {@code META-INF/spring.factories}.
 *
 * @since 0.1.0
 */
public class JinaClipFailureAnalyzer extends AbstractFailureAnalyzer<JinaClipConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, JinaClipConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
