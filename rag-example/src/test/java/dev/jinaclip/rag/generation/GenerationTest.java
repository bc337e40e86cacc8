package dev.jinaclip.rag.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.retrieval.SearchResponse;
import dev.jinaclip.rag.retrieval.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Generation on: the app with {@code rag.chat.*} pointing at a local stand-in for an OpenAI-compatible chat
 * endpoint (MockWebServer), which records what the app sends and answers with a canned completion.
 */
class GenerationTest extends AppTest {

    static final MockWebServer chat = started();

    @Autowired
    SearchService search;

    @DynamicPropertySource
    static void chatModel(DynamicPropertyRegistry registry) {
        registry.add("rag.chat.model", () -> "test-model");
        registry.add("rag.chat.base-url", () -> chat.url("/v1").toString());
        registry.add("rag.chat.api-key", () -> "test-key");
    }

    @AfterAll
    static void stop() {
        chat.close();
    }

    @Test
    void should_answer_from_the_numbered_sources_with_pictures_and_cite_them() throws Exception {
        // given
        chat.enqueue(completion("The garden has red apples [2], and the first picture is plain red [1]. See [9]."));

        // when
        SearchResponse response = search.searchText("a red apple", 3, true);

        // then: the answer, with the citations that exist
        assertThat(response.generation()).isEqualTo("on");
        assertThat(response.answer()).isNotNull();
        assertThat(response.answer().text()).startsWith("The garden has red apples [2]");
        assertThat(response.answer().citations()).containsExactly(2, 1);
        assertThat(response.answer().model()).isEqualTo("test-model");
        assertThat(response.answer().error()).isNull();

        // and: what the chat endpoint received
        RecordedRequest request = chat.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("test-model");
        JsonNode messages = body.get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).contains("Cite every statement");
        JsonNode parts = messages.get(1).get("content");
        assertThat(parts.get(0).get("text").asText()).isEqualTo("Sources:");
        assertThat(parts.get(1).get("text").asText()).isEqualTo("[1] picture images/red.png:");
        assertThat(parts.get(2).get("type").asText()).isEqualTo("image_url");
        assertThat(parts.get(2).get("image_url").get("url").asText()).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(parts.get(3).get("text").asText()).startsWith("[2] passage of texts/red.md:")
                .contains("Red apples and red roses");
        assertThat(parts.get(parts.size() - 1).get("text").asText()).isEqualTo("Question: a red apple");
    }

    @Test
    void should_still_return_the_results_when_the_chat_model_fails() {
        // given: the first attempt and the one retry fail
        int before = chat.getRequestCount();
        chat.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"model crashed\"}}").build());
        chat.enqueue(new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"model crashed\"}}").build());

        // when
        SearchResponse response = search.searchText("blue", 2, true);

        // then
        assertThat(response.results()).hasSize(2);
        assertThat(response.answer().text()).isNull();
        assertThat(response.answer().error()).startsWith("The chat model failed");
        assertThat(chat.getRequestCount() - before).isEqualTo(2);
    }

    @Test
    void should_not_ask_the_chat_model_for_image_queries_or_when_told_not_to() throws Exception {
        // given
        int before = chat.getRequestCount();

        // when
        SearchResponse text = search.searchText("green", 2, false);

        // then
        assertThat(text.answer()).isNull();
        assertThat(chat.getRequestCount()).isEqualTo(before);
    }

    private static MockResponse completion(String answer) {
        String json = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"test-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":20,"total_tokens":140}}"""
                .formatted(quote(answer));
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(json).build();
    }

    private static String quote(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockWebServer started() {
        MockWebServer server = new MockWebServer();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }
}
