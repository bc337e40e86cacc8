package dev.jinaclip.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The jina-clip embeddings server: {@code POST /v1/embeddings} over the engine of {@code spring.ai.jina-clip.*}. */
@SpringBootApplication
@EnableConfigurationProperties(ServerProperties.class)
public class JinaClipServerApplication {

    /** Starts the server. */
    public static void main(String[] args) {
        SpringApplication.run(JinaClipServerApplication.class, args);
    }
}
