package dev.jinaclip.springai.autoconfigure;

import java.util.List;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** Shared pieces of the auto-configuration tests. */
public final class TestSupport {

    /** A dummy key: never a real one, never read from the environment. */
    static final String API_KEY = "jina_test_key";

    private TestSupport() {
    }

    /**
     * A runner with the auto-configuration and without the process environment, so that a JINA_API_KEY or
     * HF_HUB_OFFLINE of the machine running the tests changes nothing.
     */
    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().getPropertySources()
                        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
                .withConfiguration(AutoConfigurations.of(JinaClipAutoConfiguration.class));
    }

    /**
     * What Spring Boot would report for this start-up failure, with the analyzers of every spring.factories, as
     * Boot's own (package-private) {@code FailureAnalyzers} does; analyzers for absent libraries are skipped.
     */
    static FailureAnalysis analyze(Throwable failure) {
        GenericApplicationContext context = new GenericApplicationContext();
        ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, context.getBeanFactory())
                .and(Environment.class, new StandardEnvironment());
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, arguments, FailureHandler.logging(LogFactory.getLog(TestSupport.class)));
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("No failure analysis for " + failure, failure);
    }
}
