package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unusable inputs fail before anything is sent, naming their position. */
class InputValidationTest {

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
    void should_name_the_position_of_a_null_image() {
        // given
        var images = Arrays.asList(Image.builder().url("https://img.example/red.png").build(), null);

        // when / then
        assertThatThrownBy(() -> model.embedImages(images))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Input 1");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_name_the_position_of_a_blank_text() {
        // given
        EmbeddingRequest request = EmbeddingRequest.builder()
                .input(TextContent.from("a red car"))
                .input(TextContent.from("   "))
                .build();

        // when / then
        assertThatThrownBy(() -> model.embed(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Input 1")
                .hasMessageContaining("blank");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_name_the_position_and_path_of_a_missing_file() {
        // given
        Path missing = tempDir.resolve("missing.png");
        EmbeddingRequest request = EmbeddingRequest.builder()
                .input(ImageContent.from("https://img.example/red.png"))
                .input(ImageContent.from(missing.toUri()))
                .build();

        // when / then
        assertThatThrownBy(() -> model.embed(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Input 1")
                .hasMessageContaining(missing.toString());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_reject_an_image_over_8_mb_before_any_request() throws Exception {
        // given: a sparse file one byte over the API's limit
        Path big = tempDir.resolve("big.png");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(8_000_001L);
        }

        // when / then
        assertThatThrownBy(() -> model.embed(Image.builder().url(big.toUri()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Input 0")
                .hasMessageContaining("8000001");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_reject_an_ftp_url() {
        // given
        Image image = Image.builder().url("ftp://files.example/red.png").build();

        // when / then
        assertThatThrownBy(() -> model.embed(image))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Input 0")
                .hasMessageContaining("ftp");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_reject_an_input_that_interleaves_text_and_image() {
        // given
        EmbeddingRequest request = EmbeddingRequest.builder()
                .input(EmbeddingInput.from(TextContent.from("a red car"),
                        ImageContent.from("https://img.example/red.png")))
                .build();

        // when / then
        assertThatThrownBy(() -> model.embed(request))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("Input 0");
        assertThat(server.getRequestCount()).isZero();
    }
}
