package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.analyze;
import static dev.jinaclip.springai.autoconfigure.TestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.hub.ModelDownloadException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** Misconfiguration stops the application with a report that says what to set. */
@ExtendWith(OutputCaptureExtension.class)
class JinaClipFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void should_say_to_set_an_api_key_when_the_hosted_backend_has_none() {
        runner().run(context -> {
            // when
            FailureAnalysis analysis = analyze(context.getStartupFailure());

            // then
            assertThat(analysis.getDescription()).contains("hosted backend").contains("needs a Jina API key");
            assertThat(analysis.getAction()).contains("spring.ai.jina-clip.api-key").contains("JINA_API_KEY")
                    .contains("spring.ai.jina-clip.backend=onnx");
        });
    }

    @Test
    void should_say_what_the_model_folder_must_hold_when_it_is_missing() {
        // given
        Path missing = dir.resolve("no-such-model");

        runner().withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.offline=true",
                "spring.ai.jina-clip.onnx.model-dir=" + missing).run(context -> {
                    // when
                    FailureAnalysis analysis = analyze(context.getStartupFailure());

                    // then
                    assertThat(analysis.getDescription()).contains("spring.ai.jina-clip.onnx.model-dir=" + missing)
                            .contains("does not exist");
                    assertThat(analysis.getAction()).contains("Set spring.ai.jina-clip.onnx.model-dir to a folder")
                            .contains("tokenizer.json, onnx/text_model.onnx and onnx/vision_model.onnx");
                });
    }

    @Test
    void should_say_how_to_get_the_model_when_offline_and_not_cached() throws Exception {
        // given: an empty Hugging Face cache and no network allowed
        Path cache = Files.createDirectories(dir.resolve("hf-cache"));

        runner().withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.offline=true",
                "spring.ai.jina-clip.onnx.cache-dir=" + cache).run(context -> {
                    // when
                    FailureAnalysis analysis = analyze(context.getStartupFailure());

                    // then
                    assertThat(ModelDownloadException.findIn(context.getStartupFailure()))
                            .hasValueSatisfying(e -> assertThat(e.failure())
                                    .isEqualTo(ModelDownloadException.Failure.NOT_CACHED));
                    assertThat(analysis.getDescription()).contains("could not get the model files");
                    assertThat(analysis.getAction()).contains("spring.ai.jina-clip.onnx.offline=false")
                            .contains("spring.ai.jina-clip.onnx.model-dir");
                });
    }

    @Test
    void should_report_an_incomplete_model_folder() throws Exception {
        // given
        Files.writeString(dir.resolve("tokenizer.json"), "{}");

        runner().withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.model-dir=" + dir)
                .run(context -> assertThat(analyze(context.getStartupFailure()).getDescription())
                        .contains("lacks onnx/text_model.onnx, onnx/vision_model.onnx"));
    }

    @Test
    void should_say_the_folder_must_hold_jina_clip_when_a_model_has_another_signature() {
        // given: a text tower that answers 512 dimensions instead of 768
        Path model = TestSupport.fixtureModel("bad-signature/text-output-dim", dir);

        runner().withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.model-dir=" + model)
                .run(context -> {
                    // when
                    FailureAnalysis analysis = analyze(context.getStartupFailure());

                    // then
                    assertThat(analysis.getDescription()).contains("could not load the model");
                    assertThat(analysis.getAction()).contains("spring.ai.jina-clip.onnx.model-dir")
                            .contains("ONNX export of jinaai/jina-clip-v1").contains("onnx.variant=fp32");
                });
    }

    @Test
    void should_print_the_analysis_when_a_spring_boot_application_fails_to_start(CapturedOutput output) {
        // given
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("spring.ai.jina-clip.backend=onnx",
                        "spring.ai.jina-clip.onnx.model-dir=" + dir.resolve("missing"));

        // when
        assertThatThrownBy(application::run).hasRootCauseInstanceOf(IllegalArgumentException.class);

        // then
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Set spring.ai.jina-clip.onnx.model-dir to a folder");
    }

    @Test
    void should_list_the_valid_values_of_an_enum_property_as_the_docs_spell_them(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("spring.ai.jina-clip.backend=gpu", "spring.ai.jina-clip.onnx.variant=int4");

        assertThatThrownBy(application::run);

        assertThat(output).contains("APPLICATION FAILED TO START").contains("spring.ai.jina-clip.backend");
        String valid = output.getOut().substring(output.getOut().indexOf("The following values are valid:"));
        assertThat(valid.substring(0, valid.indexOf("\n\n", valid.indexOf("    ")) + 1))
                .isEqualToIgnoringNewLines("The following values are valid:    api    onnx");
    }

    @Test
    void should_name_an_invalid_property_as_it_is_written(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties("spring.ai.jina-clip.api-key=jina_test", "spring.ai.jina-clip.max-batch-size=0",
                        "spring.ai.jina-clip.onnx.max-text-tokens=2");

        assertThatThrownBy(application::run);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("spring.ai.jina-clip.max-batch-size").contains("spring.ai.jina-clip.onnx.max-text-tokens")
                .doesNotContain("maxBatchSize").doesNotContain("maxTextTokens");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(JinaClipAutoConfiguration.class)
    static class Application {
    }
}
