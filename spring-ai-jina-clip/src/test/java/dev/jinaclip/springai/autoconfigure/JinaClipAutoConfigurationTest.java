package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.API_KEY;
import static dev.jinaclip.springai.autoconfigure.TestSupport.analyze;
import static dev.jinaclip.springai.autoconfigure.TestSupport.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.springai.FakeClipEngine;
import dev.jinaclip.springai.JinaClipDocumentEmbeddingModel;
import dev.jinaclip.springai.JinaClipEmbeddingModel;
import dev.jinaclip.testing.Fixtures;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration creates, for which properties and class path, and when it backs off. */
@ExtendWith(OutputCaptureExtension.class)
class JinaClipAutoConfigurationTest {

    private static final String ONNX = "spring.ai.jina-clip.backend=onnx";

    @Test
    void should_create_the_hosted_engine_by_default_and_say_so(CapturedOutput output) {
        runner().withPropertyValues("spring.ai.jina-clip.api-key=" + API_KEY).run(context -> {
            // then
            assertThat(context).hasSingleBean(ClipEngine.class).hasSingleBean(JinaClipApiClient.class)
                    .hasSingleBean(JinaClipEmbeddingModel.class)
                    .hasSingleBean(JinaClipDocumentEmbeddingModel.class)
                    .doesNotHaveBean(JinaClipOnnxProperties.class);
            assertThat(context.getBean(JinaClipEmbeddingModel.class).dimensions()).isEqualTo(768);
            assertThat(output).contains("jina-clip: hosted backend (Jina Embeddings API at"
                    + " https://api.jina.ai/v1/embeddings), model jina-clip-v1, 768 dimensions");
        });
    }

    @Test
    void should_take_the_api_key_from_JINA_API_KEY() {
        runner().withPropertyValues("JINA_API_KEY=" + API_KEY)
                .run(context -> assertThat(context).hasSingleBean(JinaClipApiClient.class));
    }

    @Test
    void should_create_the_local_engine_when_backend_is_onnx_and_say_so(CapturedOutput output) {
        // given
        Path model = Fixtures.model("semantic");

        runner().withPropertyValues(ONNX, "spring.ai.jina-clip.onnx.model-directory=" + model,
                "spring.ai.jina-clip.onnx.intra-op-threads=1").run(context -> {
                    // then
                    assertThat(context).hasSingleBean(ClipEngine.class).hasSingleBean(JinaClipOnnxEngine.class)
                            .hasSingleBean(JinaClipEmbeddingModel.class)
                            .hasSingleBean(JinaClipDocumentEmbeddingModel.class);
                    assertThat(context.getBean(JinaClipEmbeddingModel.class).embed("red")).hasSize(768);
                    assertThat(output).contains("jina-clip: local backend (ONNX Runtime), model jina-clip-v1"
                            + " variant fp32 from " + model);
                });
    }

    @Test
    void should_close_the_engine_when_the_application_stops() {
        // given
        JinaClipOnnxEngine[] bean = new JinaClipOnnxEngine[1];

        // when
        runner().withPropertyValues(ONNX, "spring.ai.jina-clip.onnx.model-directory=" + Fixtures.model("semantic"))
                .run(context -> bean[0] = context.getBean(JinaClipOnnxEngine.class));

        // then
        assertThatThrownBy(() -> bean[0].embed(List.of(ClipInput.text("red"))))
                .hasMessageContaining("closed");
    }

    @Test
    void should_run_the_hosted_backend_without_jina_clip_onnx_on_the_class_path() {
        runner().withClassLoader(new FilteredClassLoader(JinaClipOnnxEngine.class))
                .withPropertyValues("spring.ai.jina-clip.api-key=" + API_KEY)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JinaClipApiClient.class)
                        .hasSingleBean(JinaClipEmbeddingModel.class)
                        .doesNotHaveBean(JinaClipOnnxProperties.class));
    }

    @Test
    void should_fail_naming_the_artifact_when_backend_is_onnx_without_jina_clip_onnx() {
        runner().withClassLoader(new FilteredClassLoader(JinaClipOnnxEngine.class)).withPropertyValues(ONNX)
                .run(context -> {
                    // when
                    FailureAnalysis analysis = analyze(context.getStartupFailure());

                    // then
                    assertThat(analysis.getDescription()).contains("spring.ai.jina-clip.backend=onnx")
                            .contains("dev.jinaclip:jina-clip-onnx").contains("not on the class path");
                    assertThat(analysis.getAction()).contains("Add the dependency dev.jinaclip:jina-clip-onnx");
                });
    }

    @Test
    void should_create_nothing_when_both_selections_are_none() {
        runner().withPropertyValues("spring.ai.model.embedding=none", "spring.ai.model.embedding.multimodal=none")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(ClipEngine.class)
                        .doesNotHaveBean(JinaClipEmbeddingModel.class)
                        .doesNotHaveBean(JinaClipDocumentEmbeddingModel.class)
                        .doesNotHaveBean(JinaClipProperties.class));
    }

    @Test
    void should_create_only_the_document_model_when_text_embedding_is_another_provider() {
        runner().withPropertyValues("spring.ai.model.embedding=openai", "spring.ai.jina-clip.api-key=" + API_KEY)
                .run(context -> assertThat(context).doesNotHaveBean(JinaClipEmbeddingModel.class)
                        .hasSingleBean(JinaClipDocumentEmbeddingModel.class)
                        .hasSingleBean(ClipEngine.class));
    }

    @Test
    void should_create_only_the_text_model_when_multimodal_is_another_provider_or_none() {
        for (String other : new String[] {"vertexai", "none"}) {
            runner().withPropertyValues("spring.ai.model.embedding=jina-clip",
                    "spring.ai.model.embedding.multimodal=" + other, "spring.ai.jina-clip.api-key=" + API_KEY)
                    .run(context -> assertThat(context).hasSingleBean(JinaClipEmbeddingModel.class)
                            .doesNotHaveBean(JinaClipDocumentEmbeddingModel.class));
        }
    }

    @Test
    void should_create_both_models_when_both_select_jina_clip() {
        runner().withPropertyValues("spring.ai.model.embedding=jina-clip", "spring.ai.model.embedding.multimodal=jina-clip",
                "spring.ai.jina-clip.api-key=" + API_KEY)
                .run(context -> assertThat(context).hasSingleBean(JinaClipEmbeddingModel.class)
                        .hasSingleBean(JinaClipDocumentEmbeddingModel.class));
    }

    @Test
    void should_build_the_models_over_an_engine_defined_by_the_application() {
        runner().withUserConfiguration(OwnEngine.class).run(context -> {
            // then: no API key needed, as ours is not created
            assertThat(context).hasSingleBean(ClipEngine.class).doesNotHaveBean(JinaClipApiClient.class);
            context.getBean(JinaClipEmbeddingModel.class).embed("a");
            assertThat(context.getBean(FakeClipEngine.class).calls).hasSize(1);
            assertThat(context.getBean(JinaClipDocumentEmbeddingModel.class).dimensions()).isEqualTo(4);
        });
    }

    @Test
    void should_back_off_for_spring_ai_models_defined_by_the_application() {
        runner().withUserConfiguration(OwnSpringAiModels.class).withPropertyValues("spring.ai.jina-clip.api-key=" + API_KEY)
                .run(context -> {
                    assertThat(context).hasSingleBean(JinaClipEmbeddingModel.class)
                            .hasSingleBean(JinaClipDocumentEmbeddingModel.class);
                    assertThat(context.getBean(JinaClipEmbeddingModel.class))
                            .isSameAs(context.getBean(OwnSpringAiModels.class).text);
                    assertThat(context.getBean(JinaClipDocumentEmbeddingModel.class))
                            .isSameAs(context.getBean(OwnSpringAiModels.class).documents);
                });
    }

    @Test
    void should_observe_calls_with_the_applications_observation_registry() {
        runner().withUserConfiguration(OwnEngine.class, Observed.class).run(context -> {
            // when
            context.getBean(JinaClipEmbeddingModel.class).embed("a");

            // then
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo("gen_ai.client.operation").that()
                    .hasLowCardinalityKeyValue("gen_ai.system", "jina");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        @Bean
        FakeClipEngine ownEngine() {
            return new FakeClipEngine();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSpringAiModels {
        final JinaClipEmbeddingModel text = JinaClipEmbeddingModel.builder(new FakeClipEngine()).build();
        final JinaClipDocumentEmbeddingModel documents = JinaClipDocumentEmbeddingModel.builder(new FakeClipEngine())
                .build();

        @Bean
        JinaClipEmbeddingModel ownText() {
            return text;
        }

        @Bean
        JinaClipDocumentEmbeddingModel ownDocuments() {
            return documents;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observed {
        @Bean
        ObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }
}
