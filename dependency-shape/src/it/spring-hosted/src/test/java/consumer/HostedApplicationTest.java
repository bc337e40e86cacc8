package consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jinaclip.core.JinaClipModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class HostedApplicationTest {

    @Test
    void startsAndEmbedsATextWithoutTheLocalBackendOnTheClassPath() {
        try (HostedApi api = new HostedApi(JinaClipModel.JINA_CLIP_V1.dimension());
                ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).run(
                        "--spring.ai.jina-clip.api-key=consumer-test-key",
                        "--spring.ai.jina-clip.base-url=" + api.baseUrl())) {
            float[] vector = context.getBean(EmbeddingModel.class).embed("a red bicycle");

            assertArrayEquals(api.vector(), vector);
            assertEquals(1, api.requests().size());
            assertTrue(api.requests().get(0).contains("a red bicycle"), api.requests().get(0));
        }
    }

    @Test
    void theLocalBackendWithoutItsArtifactFailsAtStartUpNamingTheArtifact() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> new SpringApplicationBuilder(Application.class).run("--spring.ai.jina-clip.backend=onnx"));

        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("dev.jinaclip:jina-clip-onnx")), messages.toString());
    }

    @SpringBootApplication
    static class Application {
    }
}
