package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.PNG_BASE64;
import static dev.jinaclip.langchain4j.TestFixtures.PNG_BYTES;
import static dev.jinaclip.langchain4j.TestFixtures.body;
import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each LangChain4j image form reaches the API: http(s) URLs as they are, everything else as raw base64. */
class ImageInputTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private JinaClipApiEmbeddingModel model;

    @TempDir
    Path tempDir;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).build();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void should_send_an_https_url_as_is() throws Exception {
        // given
        Image image = Image.builder().url("https://img.example/red.png").build();

        // when
        model.embed(image);

        // then
        assertThat(sentImage()).isEqualTo("https://img.example/red.png");
    }

    @Test
    void should_upload_a_file_uri_as_raw_base64() throws Exception {
        // given
        Path file = Files.write(tempDir.resolve("red.png"), PNG_BYTES);
        Image image = Image.builder().url(file.toUri()).build();

        // when
        model.embed(image);

        // then
        assertThat(sentImage()).isEqualTo(PNG_BASE64).doesNotStartWith("data:");
    }

    @Test
    void should_upload_image_content_from_a_path_as_raw_base64() throws Exception {
        // given
        Path file = Files.write(tempDir.resolve("red.png"), PNG_BYTES);

        // when
        model.embed(EmbeddingRequest.builder().input(ImageContent.from(file, "image/png")).build());

        // then
        assertThat(sentImage()).isEqualTo(PNG_BASE64);
    }

    @Test
    void should_upload_base64_data_as_is() throws Exception {
        // given
        Image image = Image.builder().base64Data(PNG_BASE64).mimeType("image/png").build();

        // when
        model.embed(image);

        // then
        assertThat(sentImage()).isEqualTo(PNG_BASE64);
    }

    @Test
    void should_strip_the_prefix_of_a_data_url() throws Exception {
        // given
        Image image = Image.builder().url("data:image/png;base64," + PNG_BASE64).build();

        // when
        model.embed(image);

        // then
        assertThat(sentImage()).isEqualTo(PNG_BASE64).doesNotStartWith("data:");
    }

    private String sentImage() throws Exception {
        JsonNode item = body(server.takeRequest()).get("input").get(0);
        return item.get("image").asText();
    }
}
