package dev.jinaclip.server;

import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.langchain4j.JinaClipApiEmbeddingModel;
import dev.jinaclip.onnx.TokenizerTextCounter;
import dev.jinaclip.testing.Fixtures;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import java.awt.Color;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's own hosted client, pointed at the server by its base URL, gets the in-process vectors. */
class JinaClientContractTest extends ServerTest {

    static final byte[] RED = Fixtures.solidPng(Color.RED, 300, 200);
    static final byte[] BLUE = Fixtures.solidPng(Color.BLUE, 64, 64);

    JinaClipApiConfig.Builder config() {
        return JinaClipApiConfig.builder().baseUrl(baseUrl()).apiKey(KEY).model(JinaClipModel.JINA_CLIP_V1)
                .maxRetries(0);
    }

    JinaClipApiEmbeddingModel model(EmbeddingType type) {
        return JinaClipApiEmbeddingModel.builder().baseUrl(baseUrl()).apiKey(KEY)
                .model(JinaClipModel.JINA_CLIP_V1).embeddingType(type).maxRetries(0).build();
    }

    @Test
    void textsGetTheInProcessVectorsAndTheirTokenizerTokens() {
        List<String> texts = List.of("red", "a blue square", "green grass under a green sky");
        Response<List<Embedding>> response;
        try (JinaClipApiEmbeddingModel model = model(EmbeddingType.FLOAT)) {
            response = model.embedAll(texts.stream().map(TextSegment::from).toList());
        }
        assertSameAsInProcess(texts.stream().map(ClipInput::text).toList(),
                response.content().stream().map(Embedding::vector).toList());
        try (TokenizerTextCounter tokenizer = TokenizerTextCounter.load(MODEL.resolve("tokenizer.json"))) {
            long expected = texts.stream().mapToLong(tokenizer::count).sum();
            assertThat(response.tokenUsage().inputTokenCount()).isEqualTo((int) expected);
        }
    }

    @Test
    void base64ImagesGetTheInProcessVectorsAndAreCountedByTiles() {
        List<Image> images = List.of(image(RED), image(BLUE));
        Response<List<Embedding>> response;
        try (JinaClipApiEmbeddingModel model = model(EmbeddingType.FLOAT)) {
            response = model.embedImages(images);
        }
        assertSameAsInProcess(List.of(ClipInput.imageBytes(RED), ClipInput.imageBytes(BLUE)),
                response.content().stream().map(Embedding::vector).toList());
        // 300x200: 2 x 1 tiles of 224; 64x64: one tile; 1,000 tokens a tile
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(3000);
        assertThat(response.metadata()).containsEntry(JinaClipApiEmbeddingModel.IMAGE_TOKENS, 3000);
    }

    @Test
    void mixedBatchesKeepTheirOrderAndBase64OutputDecodesToTheSameVectors() {
        List<ClipInput> inputs = List.of(ClipInput.text("red"), ClipInput.imageBytes(BLUE), ClipInput.text("blue"),
                ClipInput.imageBytes(RED));
        for (EmbeddingType type : EmbeddingType.values()) {
            try (JinaClipApiClient client = new JinaClipApiClient(config().embeddingType(type).build())) {
                ClipEmbeddings served = client.embed(inputs);
                assertThat(served.modelName()).isEqualTo("jina-clip-v1");
                assertSameAsInProcess(inputs, served.vectors());
            }
        }
    }

    @Test
    void anImageThatIsNotOneIsRefusedNamingItsPosition() {
        try (JinaClipApiClient client = new JinaClipApiClient(config().build())) {
            List<ClipInput> inputs = List.of(ClipInput.text("red"),
                    ClipInput.imageBase64(Base64.getEncoder().encodeToString("not an image".getBytes())));
            assertThatThrownBy(() -> client.embed(inputs)).isInstanceOf(JinaApiException.class)
                    .satisfies(e -> assertThat(((JinaApiException) e).statusCode()).isEqualTo(400))
                    .satisfies(e -> assertThat(((JinaApiException) e).isRetryable()).isFalse())
                    .hasMessageContaining("Input 1");
        }
    }

    @Test
    void aWrongKeyIsRefused() {
        try (JinaClipApiClient client = new JinaClipApiClient(config().apiKey("not-the-key").build())) {
            assertThatThrownBy(() -> client.embed(List.of(ClipInput.text("red"))))
                    .isInstanceOf(JinaApiException.class)
                    .satisfies(e -> assertThat(((JinaApiException) e).statusCode()).isEqualTo(401))
                    .hasMessageNotContaining("not-the-key");
        }
    }

    static Image image(byte[] png) {
        return Image.builder().base64Data(Base64.getEncoder().encodeToString(png)).mimeType("image/png").build();
    }
}
