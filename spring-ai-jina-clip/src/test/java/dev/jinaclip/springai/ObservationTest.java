package dev.jinaclip.springai;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.JinaClipException;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.content.Media;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.DocumentEmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.observation.DefaultEmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.MimeTypeUtils;

/** Each call is one Micrometer observation, as Spring AI's own embedding models make them. */
class ObservationTest {

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    @Test
    void should_observe_a_call_with_provider_model_dimensions_and_usage() {
        // given
        JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(new FakeClipEngine())
                .observationRegistry(registry).build();

        // when
        model.call(new EmbeddingRequest(List.of("a", "b"), null));

        // then
        assertThat(registry).doesNotHaveAnyRemainingCurrentObservation()
                .hasNumberOfObservationsEqualTo(1)
                .hasObservationWithNameEqualTo(DefaultEmbeddingModelObservationConvention.DEFAULT_NAME)
                .that()
                .hasContextualNameEqualTo("embedding jina-clip-v1")
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "embedding")
                .hasLowCardinalityKeyValue("gen_ai.system", "jina")
                .hasLowCardinalityKeyValue("gen_ai.request.model", "jina-clip-v1")
                .hasLowCardinalityKeyValue("gen_ai.response.model", "jina-clip-v1")
                .hasHighCardinalityKeyValue("gen_ai.request.embedding.dimensions", "4")
                .hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "4")
                .hasHighCardinalityKeyValue("gen_ai.usage.total_tokens", "4")
                .hasBeenStarted()
                .hasBeenStopped();
    }

    @Test
    void should_observe_the_document_model_too() {
        // given
        JinaClipDocumentEmbeddingModel model = JinaClipDocumentEmbeddingModel.builder(new FakeClipEngine())
                .observationRegistry(registry).build();

        // when
        model.call(new DocumentEmbeddingRequest(ImageDocuments.of(URI.create("https://img.example/a.png"), "a")));

        // then
        assertThat(registry).hasObservationWithNameEqualTo("gen_ai.client.operation").that()
                .hasLowCardinalityKeyValue("gen_ai.system", "jina")
                .hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "10");
    }

    @Test
    void should_show_images_in_the_observed_request_without_their_data() {
        // given
        JinaClipDocumentEmbeddingModel model = JinaClipDocumentEmbeddingModel.builder(new FakeClipEngine())
                .observationRegistry(registry).build();
        String dataUri = "data:image/png;base64,iVBORw0KGgo=";

        // when
        model.call(new DocumentEmbeddingRequest(ImageDocuments.of(URI.create("https://img.example/a.png"), "a"),
                new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(dataUri).build(), Map.of()),
                new Document(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[] {1, 2, 3, 4}).build(),
                        Map.of()),
                new Document("a caption")));

        // then
        assertThat(registry).hasObservationWithNameEqualTo("gen_ai.client.operation").that().satisfies(context ->
                org.assertj.core.api.Assertions.assertThat(((EmbeddingModelObservationContext) context).getRequest()
                        .getInstructions()).containsExactly("[image] https://img.example/a.png",
                                "[image] data URI, " + dataUri.length() + " chars", "[image] 4 bytes", "a caption"));
    }

    @Test
    void should_use_the_observation_convention_that_is_set() {
        // given
        JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(new FakeClipEngine())
                .observationRegistry(registry).build();
        model.setObservationConvention(new DefaultEmbeddingModelObservationConvention() {
            @Override
            public String getName() {
                return "jina.clip.embedding";
            }
        });

        // when
        model.embed("a");

        // then
        assertThat(registry).hasObservationWithNameEqualTo("jina.clip.embedding").that()
                .isInstanceOf(EmbeddingModelObservationContext.class);
    }

    @Test
    void should_record_the_error_of_a_failed_call() {
        // given
        JinaClipEmbeddingModel model = JinaClipEmbeddingModel.builder(
                new FakeClipEngine().failingWith(new JinaClipException(JinaClipException.Kind.API, true, "429")))
                .observationRegistry(registry).build();

        // when
        assertThatThrownBy(() -> model.embed("a")).isInstanceOf(TransientAiException.class);

        // then
        assertThat(registry).hasObservationWithNameEqualTo("gen_ai.client.operation").that()
                .hasError()
                .assertThatError().isInstanceOf(TransientAiException.class);
    }
}
