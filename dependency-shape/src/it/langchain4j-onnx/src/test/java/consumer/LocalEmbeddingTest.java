package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.langchain4j.JinaClipOnnxEmbeddingModel;
import org.junit.jupiter.api.Test;

class LocalEmbeddingTest {

    @Test
    void embedsATextInProcessWithTheOnnxArtifactAdded() {
        try (JinaClipOnnxEmbeddingModel model = JinaClipOnnxEmbeddingModel.builder()
                .modelDirectory(FixtureModel.directory()).build()) {
            float[] vector = model.embed(FixtureModel.TEXT).content().vector();

            assertEquals(JinaClipModel.JINA_CLIP_V1.dimension(), model.dimension());
            FixtureModel.assertExpectedVector(vector);
        }
    }
}
