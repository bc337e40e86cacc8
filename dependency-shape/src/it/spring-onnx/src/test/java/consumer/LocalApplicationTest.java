package consumer;

import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class LocalApplicationTest {

    @Test
    void startsOnTheLocalBackendWithTheOnnxArtifactAdded() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).run(
                "--spring.ai.jina-clip.backend=onnx",
                "--spring.ai.jina-clip.onnx.model-directory=" + FixtureModel.directory())) {
            float[] vector = context.getBean(EmbeddingModel.class).embed(FixtureModel.TEXT);

            FixtureModel.assertExpectedVector(vector);
        }
    }

    @SpringBootApplication
    static class Application {
    }
}
