package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.API_KEY;
import static dev.jinaclip.springai.autoconfigure.TestSupport.runner;
import static dev.jinaclip.springai.autoconfigure.TestSupport.semanticModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.langchain4j.JinaClipApiEmbeddingModel;
import dev.jinaclip.langchain4j.JinaClipOnnxEmbeddingModel;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.springai.FakeClipModel;
import dev.jinaclip.springai.JinaClipDocumentEmbeddingModel;
import dev.jinaclip.springai.JinaClipEmbeddingModel;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration creates, for which properties, and when it backs off. */
@ExtendWith(OutputCaptureExtension.class)
class JinaClipAutoConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void should_create_the_hosted_backend_by_default_and_say_so(CapturedOutput output) {
        runner().withPropertyValues("spring.ai.jina-clip.api-key=" + API_KEY).run(context -> {
            // then
            assertThat(context).hasSingleBean(JinaClipApiEmbeddingModel.class)
                    .hasSingleBean(JinaClipEmbeddingModel.class)
                    .hasSingleBean(JinaClipDocumentEmbeddingModel.class);
            MultimodalEmbeddingModel lc4j = context.getBean(MultimodalEmbeddingModel.class);
            assertThat(context.getBean(JinaClipEmbeddingModel.class).getDelegate()).isSameAs(lc4j);
            assertThat(context.getBean(JinaClipDocumentEmbeddingModel.class).getDelegate()).isSameAs(lc4j);
            assertThat(context.getBean(JinaClipEmbeddingModel.class).dimensions()).isEqualTo(768);
            assertThat(output).contains("jina-clip: hosted backend (Jina Embeddings API at https://api.jina.ai),"
                    + " model jina-clip-v1, 768 dimensions");
        });
    }

    @Test
    void should_take_the_api_key_from_JINA_API_KEY() {
        runner().withPropertyValues("JINA_API_KEY=" + API_KEY)
                .run(context -> assertThat(context).hasSingleBean(JinaClipApiEmbeddingModel.class));
    }

    @Test
    void should_create_the_local_backend_when_backend_is_onnx_and_say_so(CapturedOutput output) {
        // given
        Path model = semanticModel(dir);

        runner().withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.model-dir=" + model,
                "spring.ai.jina-clip.onnx.intra-op-threads=1").run(context -> {
                    // then
                    assertThat(context).hasSingleBean(JinaClipOnnxEmbeddingModel.class)
                            .hasSingleBean(JinaClipEmbeddingModel.class)
                            .hasSingleBean(JinaClipDocumentEmbeddingModel.class);
                    assertThat(context.getBean(JinaClipEmbeddingModel.class).embed("red")).hasSize(768);
                    assertThat(output).contains("jina-clip: local backend (ONNX Runtime), model jina-clip-v1"
                            + " variant fp32 from " + model);
                });
    }

    @Test
    void should_close_the_model_when_the_application_stops() {
        // given
        Path model = semanticModel(dir);
        JinaClipOnnxEmbeddingModel[] bean = new JinaClipOnnxEmbeddingModel[1];

        // when
        runner().withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.model-dir=" + model)
                .run(context -> bean[0] = context.getBean(JinaClipOnnxEmbeddingModel.class));

        // then
        assertThatThrownBy(() -> bean[0].embed("red")).hasMessageContaining("closed");
    }

    @Test
    void should_create_nothing_when_both_selections_are_none() {
        runner().withPropertyValues("spring.ai.model.embedding=none", "spring.ai.model.embedding.multimodal=none")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(MultimodalEmbeddingModel.class)
                        .doesNotHaveBean(JinaClipEmbeddingModel.class)
                        .doesNotHaveBean(JinaClipDocumentEmbeddingModel.class)
                        .doesNotHaveBean(JinaClipProperties.class));
    }

    @Test
    void should_create_only_the_document_model_when_text_embedding_is_another_provider() {
        runner().withPropertyValues("spring.ai.model.embedding=openai", "spring.ai.jina-clip.api-key=" + API_KEY)
                .run(context -> assertThat(context).doesNotHaveBean(JinaClipEmbeddingModel.class)
                        .hasSingleBean(JinaClipDocumentEmbeddingModel.class)
                        .hasSingleBean(MultimodalEmbeddingModel.class));
    }

    @Test
    void should_create_only_the_text_model_when_multimodal_is_none() {
        runner().withPropertyValues("spring.ai.model.embedding.multimodal=none", "spring.ai.jina-clip.api-key=" + API_KEY)
                .run(context -> assertThat(context).hasSingleBean(JinaClipEmbeddingModel.class)
                        .doesNotHaveBean(JinaClipDocumentEmbeddingModel.class));
    }

    @Test
    void should_create_both_models_when_both_select_jina_clip() {
        runner().withPropertyValues("spring.ai.model.embedding=jina-clip", "spring.ai.model.embedding.multimodal=jina-clip",
                "spring.ai.jina-clip.api-key=" + API_KEY)
                .run(context -> assertThat(context).hasSingleBean(JinaClipEmbeddingModel.class)
                        .hasSingleBean(JinaClipDocumentEmbeddingModel.class));
    }

    @Test
    void should_adapt_a_langchain4j_model_defined_by_the_application() {
        runner().withUserConfiguration(OwnLangChain4jModel.class).run(context -> {
            // then: no API key needed, as ours is not created
            assertThat(context).hasSingleBean(MultimodalEmbeddingModel.class)
                    .doesNotHaveBean(JinaClipApiEmbeddingModel.class);
            assertThat(context.getBean(JinaClipEmbeddingModel.class).getDelegate())
                    .isSameAs(context.getBean(FakeClipModel.class));
            assertThat(context.getBean(JinaClipEmbeddingModel.class).dimensions()).isEqualTo(4);
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
        runner().withUserConfiguration(OwnLangChain4jModel.class, Observed.class).run(context -> {
            // when
            context.getBean(JinaClipEmbeddingModel.class).embed("a");

            // then
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo("gen_ai.client.operation").that()
                    .hasLowCardinalityKeyValue("gen_ai.system", "jina");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLangChain4jModel {
        @Bean
        FakeClipModel ownModel() {
            return new FakeClipModel();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSpringAiModels {
        final JinaClipEmbeddingModel text = JinaClipEmbeddingModel.builder(new FakeClipModel()).build();
        final JinaClipDocumentEmbeddingModel documents = JinaClipDocumentEmbeddingModel.builder(new FakeClipModel())
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
