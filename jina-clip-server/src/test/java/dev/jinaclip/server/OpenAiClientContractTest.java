package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.TokenizerTextCounter;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LangChain4j's OpenAI embedding model, unchanged but for its base URL, embeds texts on the server. */
class OpenAiClientContractTest extends ServerTest {

    OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder openAi() {
        return OpenAiEmbeddingModel.builder().baseUrl(baseUrl() + "/v1").apiKey(KEY).modelName("jina-clip-v1")
                .maxRetries(0);
    }

    @Test
    void textsGetTheInProcessVectors() {
        List<String> texts = List.of("red", "a blue square");
        for (String format : new String[] {null, "float", "base64"}) {
            List<Embedding> served = openAi().encodingFormat(format).build()
                    .embedAll(texts.stream().map(TextSegment::from).toList()).content();
            assertSameAsInProcess(texts.stream().map(ClipInput::text).toList(),
                    served.stream().map(Embedding::vector).toList());
        }
    }

    @Test
    void dimensionsAreRefusedForV1() {
        OpenAiEmbeddingModel model = openAi().dimensions(256).build();
        assertThatThrownBy(() -> model.embed("red")).hasMessageContaining("jina-clip-v1 has a fixed 768 dimensions");
    }

    @Test
    void tokensAreTheTokenizers() {
        try (TokenizerTextCounter tokenizer = TokenizerTextCounter.load(MODEL.resolve("tokenizer.json"))) {
            assertThat(openAi().build().embed("a red square").tokenUsage().inputTokenCount())
                    .isEqualTo((int) tokenizer.count("a red square"));
        }
    }
}
