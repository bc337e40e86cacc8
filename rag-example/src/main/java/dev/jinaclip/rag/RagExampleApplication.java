package dev.jinaclip.rag;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The jina-clip RAG example: a web app that indexes a folder of texts and pictures and answers a question with
 * the passages and images that fit it, in one ranked list.
 *
 * <p>The embedding model comes from {@code spring-ai-jina-clip}'s auto-configuration ({@code spring.ai.jina-clip.*}:
 * the local ONNX backend by default, the hosted Jina API with {@code spring.ai.jina-clip.backend=api}); retrieval
 * is LangChain4j's RAG chain; answers come from an optional OpenAI-compatible chat model ({@code rag.chat.*}).
 * See docs/rag-example.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RagExampleApplication {

    /** Starts the app; arguments are Spring Boot's ({@code --server.port=9090}, {@code --rag.corpus-dir=...}). */
    public static void main(String[] args) {
        SpringApplication.run(RagExampleApplication.class, args);
    }
}
