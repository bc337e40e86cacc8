package dev.jinaclip.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.langchain4j.JinaClipOnnxEmbeddingModel;
import dev.jinaclip.springai.autoconfigure.TestSupport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.TokenCountBatchingStrategy;

/**
 * A {@code null} or blank input is refused with an error naming its position, in the one format of both
 * backends ({@code Input <position>: ...}), before anything drops it or trips over it: Spring AI's own defaults
 * answer with messages that name no input, and its batching strategy fails on a {@code null} document.
 */
class NullAndBlankInputTest {

    private final FakeClipModel delegate = new FakeClipModel();
    private final JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(delegate).build();
    private static JinaClipOnnxEmbeddingModel local;

    @BeforeAll
    static void load(@TempDir Path dir) {
        local = JinaClipOnnxEmbeddingModel.builder().modelDirectory(TestSupport.fixtureModel("tiny", dir))
                .intraOpThreads(1).build();
    }

    @AfterAll
    static void close() {
        local.close();
    }

    @Test
    void should_name_a_null_text_in_a_list() {
        assertThatThrownBy(() -> model.embed(Arrays.asList("a", null, "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: text is null");
        assertThat(delegate.requests).isEmpty();
    }

    @Test
    void should_say_input_0_for_a_null_single_text_or_document() {
        assertThatThrownBy(() -> model.embed((String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text is null");
        assertThatThrownBy(() -> model.embed((Document) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: document is null");
    }

    @Test
    void should_name_a_null_document_before_the_batching_strategy_sees_it() {
        List<Document> documents = Arrays.asList(new Document("a"), null, new Document("b"));

        assertThatThrownBy(() -> model.embed(documents, null, new TokenCountBatchingStrategy()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: document is null");
        assertThatThrownBy(() -> JinaClipDocumentEmbeddingModel.builder(delegate).build()
                .call(new DocumentEmbeddingRequest(documents)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: document is null");
        assertThat(delegate.requests).isEmpty();
    }

    @Test
    void should_name_a_blank_text_on_the_local_backend() {
        JinaClipEmbeddingModel onLocal = JinaClipEmbeddingModel.builder(local).build();

        assertThatThrownBy(() -> onLocal.embed(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text is blank");
        assertThatThrownBy(() -> onLocal.embed(List.of("red", "\t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 1: text is blank");
    }
}
