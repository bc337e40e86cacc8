package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listeners configured on the builder are told about requests, responses and errors, images included. */
class ListenerTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final RecordingListener listener = new RecordingListener();
    private JinaClipApiEmbeddingModel model;

    @BeforeEach
    void start() throws Exception {
        model = modelFor(server).maxRetries(0).listeners(List.of(listener)).build();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void should_notify_request_and_response_for_an_image() {
        // given
        server.setDispatcher(new FakeJinaApi(768));

        // when
        model.embed(Image.builder().url("https://img.example/red.png").build());

        // then
        assertThat(listener.events).containsExactly("request", "response");
        assertThat(listener.request.modelProvider()).isEqualTo(ModelProvider.JINA);
        assertThat(listener.request.embeddingRequest().inputs()).hasSize(1);
        assertThat(listener.request.textSegments()).extracting(TextSegment::text)
                .containsExactly("[image] https://img.example/red.png");
        assertThat(listener.response.embeddingResponse().embeddings()).hasSize(1);
        assertThat(listener.response.embeddingResponse().metadata())
                .isInstanceOf(ClipEmbeddingResponseMetadata.class);
    }

    @Test
    void should_notify_request_and_response_for_a_text() {
        // given
        server.setDispatcher(new FakeJinaApi(768));

        // when
        model.embed("a red car");

        // then
        assertThat(listener.events).containsExactly("request", "response");
        assertThat(listener.response.embeddingResponse().embeddings()).hasSize(1);
    }

    @Test
    void should_notify_error_on_failure() {
        // given
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"detail\":\"Invalid API key\",\"code\":\"AUTH_INVALID_API_KEY\"}").build());

        // when
        assertThatThrownBy(() -> model.embed("a red car")).isInstanceOf(AuthenticationException.class);

        // then
        assertThat(listener.events).containsExactly("request", "error");
        assertThat(listener.error.error()).isInstanceOf(AuthenticationException.class);
    }

    private static final class RecordingListener implements EmbeddingModelListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile EmbeddingModelRequestContext request;
        volatile EmbeddingModelResponseContext response;
        volatile EmbeddingModelErrorContext error;

        @Override
        public void onRequest(EmbeddingModelRequestContext context) {
            events.add("request");
            request = context;
        }

        @Override
        public void onResponse(EmbeddingModelResponseContext context) {
            events.add("response");
            response = context;
        }

        @Override
        public void onError(EmbeddingModelErrorContext context) {
            events.add("error");
            error = context;
        }
    }
}
