package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static dev.jinaclip.testing.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.image.ImageFixtures;
import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.output.Response;
import java.awt.Dimension;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image token saver leaves the embedding unchanged: for every image fixture, the hosted backend uploads an
 * image whose embedding on the local backend (the tiny fixture model, random weights: any pixel counts) agrees with
 * the original's to a cosine of at least 0.9999.
 */
class ImageTokenSaverTest {

    static final JinaClipModel MODEL = JinaClipModel.JINA_CLIP_V1;
    static JinaClipOnnxEmbeddingModel local;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @BeforeAll
    static void load() {
        local = JinaClipOnnxEmbeddingModel.builder().modelDirectory(model("tiny")).intraOpThreads(1).build();
    }

    @AfterAll
    static void close() {
        local.close();
    }

    static List<String> fixtures() {
        return ImageFixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void should_upload_an_image_with_the_same_local_embedding_as_the_original(String file) {
        // given
        byte[] original = ImageFixtures.bytes(file);
        FakeJinaApi api = new FakeJinaApi(MODEL.dimension());
        server.setDispatcher(api);
        Response<Embedding> hosted;
        byte[] uploaded;
        try (JinaClipApiEmbeddingModel saving = modelFor(server).imageTokenSaver(true).build()) {

            // when
            hosted = saving.embed(image(original));
            uploaded = Base64.getDecoder().decode(api.requests().get(0).get("input").get(0).get("image").asText());
        }

        // then
        Dimension size = ClipImagePreprocessor.create().declaredSize(original);
        int tiles = ceilDiv(size.width, MODEL.imageTileSize()) * ceilDiv(size.height, MODEL.imageTileSize());
        if (tiles > 1) {
            Dimension sent = ClipImagePreprocessor.create().declaredSize(uploaded);
            assertThat(sent).isEqualTo(new Dimension(MODEL.imageSize(), MODEL.imageSize()));
        } else {
            assertThat(uploaded).isEqualTo(original);
        }
        assertThat(hosted.metadata()).containsEntry(MultimodalEmbeddingModel.IMAGE_TOKENS_SAVED,
                (tiles - 1) * MODEL.tokensPerImageTile());
        double cosine = cosine(local.embed(image(original)).content().vector(),
                local.embed(image(uploaded)).content().vector());
        System.out.printf("image token saver %s: %d tiles -> 1, cosine %.7f%n", file, tiles, cosine);
        assertThat(cosine).isGreaterThanOrEqualTo(0.9999);
    }

    private static Image image(byte[] bytes) {
        return Image.builder().base64Data(Base64.getEncoder().encodeToString(bytes)).mimeType("image/*").build();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
