package dev.jinaclip.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.JinaClipException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/**
 * The engines' failures reach Spring AI callers as Spring AI's, chosen by {@link JinaClipException#isRetryable()}
 * alone, with the message kept and the engine's exception as cause. The backends' own failures are in
 * {@code autoconfigure.HostedBackendTest} and {@code autoconfigure.LocalBackendTest}.
 */
class ExceptionMappingTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_map_a_retryable_failure_of_any_kind_to_transient_keeping_the_cause(Kind kind) {
        // given
        JinaClipException failure = new JinaClipException(kind, true, kind + " failed, try again");
        JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(new FakeClipEngine().failingWith(failure))
                .build();

        // when
        Throwable thrown = catchThrowable(() -> model.call(new EmbeddingRequest(List.of("a"), null)));

        // then
        assertThat(thrown).isInstanceOf(TransientAiException.class).hasMessage(failure.getMessage())
                .hasCause(failure);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_map_a_failure_that_is_not_retryable_to_non_transient_keeping_the_cause(Kind kind) {
        // given
        JinaClipException failure = new JinaClipException(kind, false, kind + " failed for good");
        JinaClipDocumentEmbeddingModel model = JinaClipDocumentEmbeddingModel
                .builder(new FakeClipEngine().failingWith(failure)).build();

        // when
        Throwable thrown = catchThrowable(() -> model.call(new DocumentEmbeddingRequest(new Document("a"))));

        // then
        assertThat(thrown).isInstanceOf(NonTransientAiException.class).hasMessage(failure.getMessage())
                .hasCause(failure);
    }

    @Test
    void should_let_input_errors_through_unchanged() {
        // given
        IllegalArgumentException failure = new IllegalArgumentException("Input 0: text is blank");
        JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(new FakeClipEngine().failingWith(failure))
                .build();

        // when
        Throwable thrown = catchThrowable(() -> model.embed("a"));

        // then
        assertThat(thrown).isSameAs(failure);
    }
}
