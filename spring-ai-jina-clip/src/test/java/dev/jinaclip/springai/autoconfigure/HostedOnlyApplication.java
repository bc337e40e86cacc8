package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.springai.JinaClipDocumentEmbeddingModel;
import dev.jinaclip.springai.JinaClipEmbeddingModel;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Runs the auto-configuration in the class loader {@link WithoutOnnxArtifactTest} makes, and says what came of
 * it as text, the one thing that crosses class loaders unchanged.
 */
public final class HostedOnlyApplication {

    private HostedOnlyApplication() {
    }

    /** {@code started: <beans>} or {@code failed: <description> / <action>}. */
    public static String run(String... properties) {
        AtomicReference<String> outcome = new AtomicReference<>();
        TestSupport.runner().withPropertyValues(properties).run(context -> {
            if (context.getStartupFailure() != null) {
                FailureAnalysis analysis = TestSupport.analyze(context.getStartupFailure());
                outcome.set("failed: " + analysis.getDescription() + " / " + analysis.getAction());
            } else {
                outcome.set("started: " + context.getBean(ClipEngine.class).getClass().getSimpleName() + ", "
                        + context.getBean(JinaClipEmbeddingModel.class).getClass().getSimpleName() + ", "
                        + context.getBean(JinaClipDocumentEmbeddingModel.class).getClass().getSimpleName());
            }
        });
        return outcome.get();
    }
}
