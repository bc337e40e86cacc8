package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static dev.jinaclip.testing.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code null} or blank input is refused with an error naming its position, on both backends, with and without
 * listeners: LangChain4j's own {@code embedAll} drops {@code null}s (every later vector then belongs to the wrong
 * segment) and {@code TextSegment} refuses a blank text with a message that names no input.
 */
class NullAndBlankInputTest {

    @StartStop
    private static final MockWebServer server = new MockWebServer();
    private static MultimodalEmbeddingModel model;

    static Stream<Arguments> backends() {
        server.setDispatcher(new FakeJinaApi(768));
        EmbeddingModelListener listener = new EmbeddingModelListener() {
        };
        return Stream.of(
                Arguments.of("hosted", (Consumer<List<EmbeddingModelListener>>) listeners ->
                        model = modelFor(server).listeners(listeners).build()),
                Arguments.of("local", (Consumer<List<EmbeddingModelListener>>) listeners ->
                        model = JinaClipOnnxEmbeddingModel.builder().modelDirectory(model("tiny"))
                                .intraOpThreads(1).listeners(listeners).build()))
                .flatMap(backend -> Stream.of(
                        Arguments.of(backend.get()[0] + ", no listener", backend.get()[1], List.of()),
                        Arguments.of(backend.get()[0] + ", a listener", backend.get()[1], List.of(listener))));
    }

    @AfterEach
    void close() {
        model.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void should_name_a_null_segment_in_embed_all_instead_of_returning_fewer_vectors(
            String backend, Consumer<List<EmbeddingModelListener>> build, List<EmbeddingModelListener> listeners) {
        build.accept(listeners);
        int requests = server.getRequestCount();
        List<TextSegment> segments = Arrays.asList(TextSegment.from("a red car"), null, TextSegment.from("a blue car"));

        assertThatThrownBy(() -> model.embedAll(segments))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input 1: text segment is null");
        assertThat(server.getRequestCount()).isEqualTo(requests);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void should_name_a_null_input_of_a_request(
            String backend, Consumer<List<EmbeddingModelListener>> build, List<EmbeddingModelListener> listeners) {
        build.accept(listeners);
        EmbeddingRequest request = EmbeddingRequest.builder()
                .inputs(Arrays.asList(EmbeddingInput.from("a red car"), null)).build();

        assertThatThrownBy(() -> model.embed(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input 1: is null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void should_say_input_0_for_a_null_or_blank_single_text(
            String backend, Consumer<List<EmbeddingModelListener>> build, List<EmbeddingModelListener> listeners) {
        build.accept(listeners);

        assertThatThrownBy(() -> model.embed((String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text is null");
        assertThatThrownBy(() -> model.embed("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text is blank");
        assertThatThrownBy(() -> model.embed((TextSegment) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Input 0: text segment is null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void should_still_embed_every_segment_in_order(
            String backend, Consumer<List<EmbeddingModelListener>> build, List<EmbeddingModelListener> listeners) {
        build.accept(listeners);
        List<TextSegment> segments = List.of(TextSegment.from("a red car"), TextSegment.from("a blue car"));

        List<Embedding> all = model.embedAll(segments).content();

        assertThat(all).hasSize(2);
        assertThat(all.get(1).vector()).isEqualTo(model.embed("a blue car").content().vector());
        assertThat(model.embed(segments.get(0)).content().vector()).isEqualTo(all.get(0).vector());
    }
}
