package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.TokenizerTextCounter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.OpenAiEmbeddingOptions.EncodingFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spring AI's OpenAI embedding model (on the OpenAI Java SDK), unchanged but for its base URL, embeds texts. */
class SpringAiOpenAiClientContractTest extends ServerTest {

    OpenAiEmbeddingOptions.Builder options() {
        return OpenAiEmbeddingOptions.builder().baseUrl(baseUrl() + "/v1").apiKey(KEY).model("jina-clip-v1")
                .maxRetries(0);
    }

    @Test
    void textsGetTheInProcessVectors() {
        List<String> texts = List.of("red", "a blue square", "green grass under a green sky");
        for (EncodingFormat format : new EncodingFormat[] {null, EncodingFormat.FLOAT, EncodingFormat.BASE64}) {
            List<float[]> served = new OpenAiEmbeddingModel(options().encodingFormat(format).build()).embed(texts);
            assertSameAsInProcess(texts.stream().map(ClipInput::text).toList(), served);
        }
    }

    @Test
    void tokensAreTheTokenizers() {
        EmbeddingResponse response = new OpenAiEmbeddingModel(options().build())
                .embedForResponse(List.of("a red square"));
        try (TokenizerTextCounter tokenizer = TokenizerTextCounter.load(MODEL.resolve("tokenizer.json"))) {
            assertThat(response.getMetadata().getUsage().getPromptTokens())
                    .isEqualTo((int) tokenizer.count("a red square"));
        }
        assertThat(response.getMetadata().getModel()).isEqualTo("jina-clip-v1");
    }

    @Test
    void dimensionsAreRefusedForV1() {
        OpenAiEmbeddingModel model = new OpenAiEmbeddingModel(options().dimensions(256).build());
        assertThatThrownBy(() -> model.embed("red")).hasStackTraceContaining("jina-clip-v1 has a fixed 768 dimensions");
    }
}
