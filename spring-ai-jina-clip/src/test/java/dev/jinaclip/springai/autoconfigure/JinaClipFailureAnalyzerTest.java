package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.API_KEY;
import static dev.jinaclip.springai.autoconfigure.TestSupport.analyze;
import static dev.jinaclip.springai.autoconfigure.TestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.hub.ModelDownloadException;
import dev.jinaclip.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/**
 * Misconfiguration stops the application with a report that says what to set: the engine's own message as the
 * description (the engines are the only validation), and the properties to change as the action.
 */
@ExtendWith(OutputCaptureExtension.class)
class JinaClipFailureAnalyzerTest {

    private static final String P = "spring.ai.jina-clip.";

    @TempDir
    Path dir;

    @Test
    void should_say_to_set_an_api_key_when_the_hosted_backend_has_none() {
        runner().run(context -> {
            // when
            FailureAnalysis analysis = analyze(context.getStartupFailure());

            // then
            assertThat(analysis.getDescription()).startsWith("jina-clip's hosted backend").contains("No Jina API key");
            assertThat(analysis.getAction()).contains(P + "api-key").contains("JINA_API_KEY")
                    .contains(P + "backend=onnx").contains("dev.jinaclip:jina-clip-onnx");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "max-batch-size|0|maxBatchSize must be at least 1, was 0|" + P + "max-batch-size",
            "max-batch-size|4096|maxBatchSize must be at most 2048 (the API's limit per request)|" + P + "max-batch-size",
            "max-concurrent-requests|0|maxConcurrentRequests must be at least 1|" + P + "max-concurrent-requests",
            "timeout|0s|timeout must be between 1 ms|" + P + "timeout",
            "connect-timeout|0s|connectTimeout must be between 1 ms|" + P + "connect-timeout",
            "max-retries|-1|maxRetries must be at least 0|" + P + "max-retries",
            "model|jina-clip-v3|Unsupported model 'jina-clip-v3'; supported: jina-clip-v1, jina-clip-v2|" + P + "model",
            "dimensions|256|dimensions is not supported by jina-clip-v1|" + P + "dimensions",
            "base-url|api.jina.ai|baseUrl is not an http(s) URL|" + P + "base-url",
            "initial-retry-delay|1m|initialRetryDelay (PT1M) must not be longer than maxRetryDelay|"
                    + P + "initial-retry-delay, " + P + "max-retry-delay"})
    void should_report_the_hosted_engines_rejection_naming_the_property(String property, String value,
            String message, String named) {
        runner().withPropertyValues(P + "api-key=" + API_KEY, P + property + "=" + value).run(context -> {
            // when
            FailureAnalysis analysis = analyze(context.getStartupFailure());

            // then
            assertThat(analysis.getDescription()).startsWith("jina-clip's hosted backend").contains(message);
            assertThat(analysis.getAction()).isEqualTo("Correct " + named + " as the description says.");
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "onnx.max-text-tokens|9000|maxTextTokens must be between 3 and 8192|" + P + "onnx.max-text-tokens",
            "onnx.intra-op-threads|0|intraOpThreads must be at least 1|" + P + "onnx.intra-op-threads",
            "onnx.max-inference-memory|1MB|maxInferenceMemory must be at least|" + P + "onnx.max-inference-memory",
            "onnx.image-download-timeout|0s|imageDownloadTimeout must be between 1 ms|"
                    + P + "onnx.image-download-timeout",
            "max-batch-size|0|maxBatchSize must be at least 1|" + P + "max-batch-size",
            "onnx.revision|v2|remove hub, repoId, revision and cacheDirectory|"
                    + P + "onnx.cache-directory, " + P + "onnx.model-directory, " + P + "onnx.repo-id, "
                    + P + "onnx.revision",
            "model|jina-clip-v2|model jina-clip-v2 is served by the hosted backend only|"
                    + P + "backend, " + P + "model"})
    void should_report_the_local_engines_rejection_naming_the_property(String property, String value,
            String message, String named) {
        runner().withPropertyValues(P + "backend=onnx", P + "onnx.model-directory=" + Fixtures.model("tiny"),
                P + property + "=" + value).run(context -> {
                    // when
                    FailureAnalysis analysis = analyze(context.getStartupFailure());

                    // then
                    assertThat(analysis.getDescription()).startsWith("jina-clip's local backend").contains(message);
                    assertThat(analysis.getAction()).contains(named);
                });
    }

    @Test
    void should_say_what_the_model_folder_must_hold_when_it_is_missing() {
        // given
        Path missing = dir.resolve("no-such-model");

        runner().withPropertyValues(P + "backend=onnx", P + "onnx.model-directory=" + missing).run(context -> {
            // when
            FailureAnalysis analysis = analyze(context.getStartupFailure());

            // then
            assertThat(analysis.getDescription()).contains("Model folder " + missing).contains("does not exist");
            assertThat(analysis.getAction()).contains("Set " + P + "onnx.model-directory to a folder")
                    .contains("tokenizer.json, onnx/text_model.onnx, onnx/vision_model.onnx");
        });
    }

    @Test
    void should_say_how_to_get_the_model_when_offline_and_not_cached() throws Exception {
        // given: an empty Hugging Face cache and no network allowed
        Path cache = Files.createDirectories(dir.resolve("hf-cache"));

        runner().withPropertyValues(P + "backend=onnx", P + "onnx.offline=true", P + "onnx.cache-directory=" + cache)
                .run(context -> {
                    // when
                    FailureAnalysis analysis = analyze(context.getStartupFailure());

                    // then
                    assertThat(ModelDownloadException.findIn(context.getStartupFailure()))
                            .hasValueSatisfying(e -> assertThat(e.failure())
                                    .isEqualTo(ModelDownloadException.Failure.NOT_CACHED));
                    assertThat(analysis.getDescription()).contains("could not get the model files");
                    assertThat(analysis.getAction()).contains(P + "onnx.offline=false")
                            .contains(P + "onnx.model-directory");
                });
    }

    @Test
    void should_report_an_incomplete_model_folder() throws Exception {
        // given
        Files.writeString(dir.resolve("tokenizer.json"), "{}");

        runner().withPropertyValues(P + "backend=onnx", P + "onnx.model-directory=" + dir)
                .run(context -> assertThat(analyze(context.getStartupFailure()).getDescription())
                        .contains("lacks onnx/text_model.onnx, onnx/vision_model.onnx"));
    }

    @Test
    void should_say_the_folder_must_hold_jina_clip_when_a_model_has_another_signature() {
        // given: a text tower that answers 512 dimensions instead of 768
        Path model = Fixtures.model("bad-signature/text-output-dim");

        runner().withPropertyValues(P + "backend=onnx", P + "onnx.model-directory=" + model).run(context -> {
            // when
            FailureAnalysis analysis = analyze(context.getStartupFailure());

            // then
            assertThat(analysis.getDescription()).contains("could not load the model")
                    .contains("does not have the jina-clip signature");
            assertThat(analysis.getAction()).contains(P + "onnx.model-directory")
                    .contains("Hugging Face repo jinaai/jina-clip-v1").contains(P + "onnx.variant=fp32");
        });
    }

    @Test
    void should_print_the_analysis_when_a_spring_boot_application_fails_to_start(CapturedOutput output) {
        // given
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties(P + "backend=onnx", P + "onnx.model-directory=" + dir.resolve("missing"));

        // when
        assertThatThrownBy(application::run).hasRootCauseInstanceOf(IllegalArgumentException.class);

        // then
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Set " + P + "onnx.model-directory to a folder");
    }

    @Test
    void should_list_the_valid_values_of_an_enum_property_as_the_docs_spell_them(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties(P + "backend=gpu");

        assertThatThrownBy(application::run);

        assertThat(output).contains("APPLICATION FAILED TO START").contains(P + "backend");
        String valid = output.getOut().substring(output.getOut().indexOf("The following values are valid:"));
        assertThat(valid.substring(0, valid.indexOf("\n\n", valid.indexOf("    ")) + 1))
                .isEqualToIgnoringNewLines("The following values are valid:    api    onnx");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(JinaClipAutoConfiguration.class)
    static class Application {
    }
}
