package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.springai.JinaClipDocumentEmbeddingModel;
import dev.jinaclip.springai.JinaClipEmbeddingModel;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.embedding.DocumentEmbeddingModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of jina-clip for Spring AI.
 *
 * <p>Beans, each backing off when the application defines its own of the same type:
 * <ul>
 *   <li>the {@link ClipEngine} of the backend {@code spring.ai.jina-clip.backend} selects: {@code api}, the
 *       default ({@code JinaClipApiClient}), or {@code onnx} ({@code JinaClipOnnxEngine}, when
 *       {@code dev.jinaclip:jina-clip-onnx} is on the class path; without it start-up fails saying so). Spring closes
 *       it on shutdown; LangChain4j code can wrap it in {@code dev.jinaclip.langchain4j.JinaClipEmbeddingModel};</li>
 *   <li>{@link JinaClipEmbeddingModel}, Spring AI's text {@link EmbeddingModel}, when
 *       {@code spring.ai.model.embedding} is {@value #MODEL_NAME} or missing;</li>
 *   <li>{@link JinaClipDocumentEmbeddingModel}, Spring AI's multimodal {@link DocumentEmbeddingModel}, when
 *       {@code spring.ai.model.embedding.multimodal} is {@value #MODEL_NAME} or missing.</li>
 * </ul>
 * With both keys set to another value ({@code none}, say), nothing is created. Both Spring AI models call the one
 * engine, and are observed through the application's {@link ObservationRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass({ ClipEngine.class, EmbeddingModel.class, DocumentEmbeddingModel.class })
@Conditional(JinaClipAutoConfiguration.JinaClipSelected.class)
@EnableConfigurationProperties(JinaClipProperties.class)
@Import({ EngineConfigurations.Hosted.class, EngineConfigurations.Local.class, EngineConfigurations.LocalMissing.class })
public class JinaClipAutoConfiguration {

    /** The value of {@code spring.ai.model.embedding} and {@code spring.ai.model.embedding.multimodal} that selects jina-clip. */
    public static final String MODEL_NAME = "jina-clip";

    /** Spring AI's text embedding model, over the engine. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = SpringAIModelProperties.EMBEDDING_MODEL, havingValue = MODEL_NAME,
            matchIfMissing = true)
    public JinaClipEmbeddingModel jinaClipEmbeddingModel(ClipEngine engine,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<EmbeddingModelObservationConvention> observationConvention) {
        return JinaClipEmbeddingModel.builder(engine)
                .observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
                .observationConvention(observationConvention.getIfUnique())
                .build();
    }

    /** Spring AI's multimodal document embedding model, over the engine. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = SpringAIModelProperties.MULTI_MODAL_EMBEDDING_MODEL, havingValue = MODEL_NAME,
            matchIfMissing = true)
    public JinaClipDocumentEmbeddingModel jinaClipDocumentEmbeddingModel(ClipEngine engine,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<EmbeddingModelObservationConvention> observationConvention) {
        return JinaClipDocumentEmbeddingModel.builder(engine)
                .observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
                .observationConvention(observationConvention.getIfUnique())
                .build();
    }

    /** Matches when either Spring AI model is selected, so nothing starts when neither is. */
    static class JinaClipSelected extends AnyNestedCondition {

        JinaClipSelected() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = SpringAIModelProperties.EMBEDDING_MODEL, havingValue = MODEL_NAME,
                matchIfMissing = true)
        static class TextSelected {
        }

        @ConditionalOnProperty(name = SpringAIModelProperties.MULTI_MODAL_EMBEDDING_MODEL, havingValue = MODEL_NAME,
                matchIfMissing = true)
        static class MultimodalSelected {
        }
    }
}
