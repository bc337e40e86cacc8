package dev.jinaclip.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/** LangChain4j's exceptions reach Spring AI callers as Spring AI's, with the original as cause. */
class ExceptionMappingTest {

    static List<LangChain4jException> retriable() {
        return List.of(new RateLimitException("429"), new TimeoutException("slow"), new InternalServerException("503"));
    }

    static List<LangChain4jException> nonRetriable() {
        return List.of(new AuthenticationException("401"), new InvalidRequestException("422"),
                new LangChain4jException("invalid response"));
    }

    @ParameterizedTest
    @MethodSource("retriable")
    void should_map_retriable_failures_to_transient_keeping_the_cause(LangChain4jException failure) {
        // given
        JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(new FakeClipModel().failingWith(failure)).build();

        // when
        Throwable thrown = catchThrowable(() -> model.call(new EmbeddingRequest(List.of("a"), null)));

        // then
        assertThat(thrown).isInstanceOf(TransientAiException.class).hasMessage(failure.getMessage())
                .hasCause(failure);
    }

    @ParameterizedTest
    @MethodSource("nonRetriable")
    void should_map_other_failures_to_non_transient_keeping_the_cause(LangChain4jException failure) {
        // given
        JinaClipDocumentEmbeddingModel model = JinaClipDocumentEmbeddingModel
                .builder(new FakeClipModel().failingWith(failure)).build();

        // when
        Throwable thrown = catchThrowable(() -> model.call(
                new org.springframework.ai.embedding.DocumentEmbeddingRequest(
                        new org.springframework.ai.document.Document("a"))));

        // then
        assertThat(thrown).isInstanceOf(NonTransientAiException.class).hasMessage(failure.getMessage())
                .hasCause(failure);
    }

    @Test
    void should_let_invalid_input_errors_through_unchanged() {
        // given
        IllegalArgumentException failure = new IllegalArgumentException("Input 0: image cannot be decoded");
        JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(new FakeClipModel().failingWith(failure)).build();

        // when
        Throwable thrown = catchThrowable(() -> model.embed("a"));

        // then
        assertThat(thrown).isSameAs(failure);
    }
}
