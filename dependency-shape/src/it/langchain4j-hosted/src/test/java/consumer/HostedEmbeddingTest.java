package consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.langchain4j.JinaClipApiEmbeddingModel;
import org.junit.jupiter.api.Test;

class HostedEmbeddingTest {

    @Test
    void embedsATextWithoutTheLocalBackendOnTheClassPath() {
        try (HostedApi api = new HostedApi(JinaClipModel.JINA_CLIP_V1.dimension());
                JinaClipApiEmbeddingModel model = JinaClipApiEmbeddingModel.builder()
                        .apiKey("consumer-test-key").baseUrl(api.baseUrl()).build()) {
            float[] vector = model.embed("a red bicycle").content().vector();

            assertArrayEquals(api.vector(), vector);
            assertEquals(1, api.requests().size());
            assertTrue(api.requests().get(0).contains("a red bicycle"), api.requests().get(0));
        }
    }

    @Test
    void refusesTheImageTokenSaverNamingTheArtifactItNeeds() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> JinaClipApiEmbeddingModel
                .builder().apiKey("consumer-test-key").imageTokenSaver(true).build());

        assertTrue(thrown.getMessage().startsWith("imageTokenSaver needs the artifact dev.jinaclip:jina-clip-image"),
                thrown.getMessage());
    }
}
