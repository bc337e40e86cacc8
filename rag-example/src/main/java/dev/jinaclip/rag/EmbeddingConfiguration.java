package dev.jinaclip.rag;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.langchain4j.JinaClipEmbeddingModel;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedding model of the RAG chain: LangChain4j's, over the {@link ClipEngine} that {@code spring-ai-jina-clip}
 * configures from {@code spring.ai.jina-clip.*} (the hosted API or in-process ONNX Runtime).
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddingConfiguration {

    /** The model; Spring closes the engine itself, so this bean has no destroy method of its own. */
    @Bean(destroyMethod = "")
    public MultimodalEmbeddingModel multimodalEmbeddingModel(ClipEngine engine) {
        return new JinaClipEmbeddingModel(engine);
    }
}
