package dev.jinaclip.langchain4j;

import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same application code runs on either backend: only the builder changes. */
class SwitchingBackendsTest {

    @StartStop
    final MockWebServer api = new MockWebServer();

    @TempDir
    Path dir;

    /** Application code, written once against the interface. */
    static List<Embedding> embedMixed(MultimodalEmbeddingModel model, Path imageFile) {
        return model.embed(EmbeddingRequest.builder().inputs(List.of(
                EmbeddingInput.from(TextContent.from("a red square")),
                EmbeddingInput.from(ImageContent.from(Image.builder().url(imageFile.toUri()).build())),
                EmbeddingInput.from(TextContent.from("a blue square")))).build()).embeddings();
    }

    @Test
    void should_run_the_same_code_on_the_hosted_and_the_local_backend() throws IOException {
        Path red = Files.write(dir.resolve("red.png"), solidPng(Color.RED, 40, 30));
        api.setDispatcher(new FakeJinaApi(768));

        try (JinaClipApiEmbeddingModel hosted = JinaClipApiEmbeddingModel.builder().apiKey("jina_test")
                .baseUrl(api.url("/").toString()).build();
             JinaClipOnnxEmbeddingModel local = JinaClipOnnxEmbeddingModel.builder()
                     .modelDirectory(model("semantic")).intraOpThreads(1).build()) {

            for (MultimodalEmbeddingModel model : List.<MultimodalEmbeddingModel>of(hosted, local)) {
                List<Embedding> embeddings = embedMixed(model, red);
                assertThat(embeddings).hasSize(3).allSatisfy(e -> assertThat(e.dimension()).isEqualTo(768));
                assertThat(model.dimension()).isEqualTo(768);
                assertThat(model.modelName()).isEqualTo("jina-clip-v1");
            }
            // the local fixture model understands colours: the red image is nearer "a red square"
            List<Embedding> local3 = embedMixed(local, red);
            assertThat(cos(local3.get(1), local3.get(0))).isGreaterThan(cos(local3.get(1), local3.get(2)));
        }
    }

    static double cos(Embedding a, Embedding b) {
        return dev.langchain4j.store.embedding.CosineSimilarity.between(a, b);
    }
}
