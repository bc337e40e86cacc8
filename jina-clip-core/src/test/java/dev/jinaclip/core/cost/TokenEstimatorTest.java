package dev.jinaclip.core.cost;

import static dev.jinaclip.core.JinaClipModel.JINA_CLIP_V1;
import static dev.jinaclip.core.JinaClipModel.JINA_CLIP_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenEstimatorTest {

    private final TokenEstimator v1 = TokenEstimator.of(JINA_CLIP_V1);

    @TempDir
    Path folder;

    @Test
    void should_count_the_published_example_from_a_real_image() {
        byte[] png = TestImages.encoded("png", 750, 500);

        assertThat(v1.imageTiles(png).tokens()).isEqualTo(12_000);
        assertThat(TokenEstimator.of(JINA_CLIP_V2).imageTiles(png).tokens()).isEqualTo(8_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"png", "jpeg", "gif", "bmp"})
    void should_read_the_size_of_each_format(String format) {
        ImageTiles tiles = v1.imageTiles(TestImages.encoded(format, 449, 224));

        assertThat(tiles.width()).isEqualTo(449);
        assertThat(tiles.height()).isEqualTo(224);
        assertThat(tiles.count()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lossless_300x250.webp, 300, 250", "cmyk_260x230.jpg, 260, 230"})
    void should_read_fixture_headers(String name, int width, int height) {
        ImageTiles tiles = v1.imageTiles(TestImages.fixture(name));

        assertThat(tiles.width()).isEqualTo(width);
        assertThat(tiles.height()).isEqualTo(height);
    }

    @Test
    void should_measure_a_gif_by_its_logical_screen_as_the_reference_pipeline_sees_it() throws IOException {
        byte[] gif = TestImages.fixture("offset_frame_260x240.gif");
        var reader = ImageIO.getImageReaders(ImageIO.createImageInputStream(new ByteArrayInputStream(gif))).next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(gif)));
        assertThat(reader.getWidth(0)).as("the first frame is smaller than the screen").isLessThan(260);

        ImageTiles tiles = v1.imageTiles(gif);

        assertThat(tiles.width()).isEqualTo(260);
        assertThat(tiles.height()).isEqualTo(240);
    }

    @Test
    void should_count_a_100_megapixel_jpeg_from_its_header_without_decoding_it() throws IOException {
        // ImageIO.read decodes it (grey where data is missing) in about a second, into 400 MB
        Path jpeg = Files.write(folder.resolve("huge.jpg"), TestImages.jpegClaiming(10_000, 10_000));

        for (int i = 0; i < 200; i++) {
            v1.imageTiles(jpeg); // warm-up
        }
        int calls = 1000;
        long start = System.nanoTime();
        long tokens = 0;
        for (int i = 0; i < calls; i++) {
            tokens += v1.imageTiles(jpeg).tokens();
        }
        double millisPerCall = (System.nanoTime() - start) / 1e6 / calls;

        assertThat(tokens).isEqualTo(calls * 45L * 45 * 1000);
        // decoding takes about a second; the header alone, well under a millisecond
        assertThat(millisPerCall).isLessThan(50);
        System.out.printf("100-megapixel JPEG header: %.3f ms per call%n", millisPerCall);
    }

    @Test
    void should_estimate_every_kind_of_input_in_order() throws IOException {
        byte[] png = TestImages.encoded("png", 750, 500);
        Path file = Files.write(folder.resolve("a.png"), png);
        String base64 = Base64.getEncoder().encodeToString(png);

        TokenEstimate estimate = v1.estimate(List.of(
                ClipInput.text("a photo of a cat"),
                ClipInput.imageFile(file),
                ClipInput.imageBytes(png),
                ClipInput.imageBase64(base64),
                ClipInput.imageUrl(file.toUri()),
                ClipInput.imageUrl(URI.create("data:image/png;base64," + base64))));

        assertThat(estimate.inputs()).extracting(InputTokens::position).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(estimate.inputs()).extracting(InputTokens::tokens)
                .containsExactly(8L, 12_000L, 12_000L, 12_000L, 12_000L, 12_000L);
        assertThat(estimate.inputs().get(0).tiles()).isNull();
        assertThat(estimate.textTokens()).isEqualTo(8);
        assertThat(estimate.imageTokens()).isEqualTo(60_000);
        assertThat(estimate.tokens()).isEqualTo(60_008);
        assertThat(estimate.exactText()).isFalse();
    }

    @Test
    void should_count_texts_with_the_counter_given() {
        TokenEstimator estimator = TokenEstimator.of(JINA_CLIP_V1, text -> text.length());

        TokenEstimate estimate = estimator.estimate(List.of(ClipInput.text("abc"), ClipInput.text("hello")));

        assertThat(estimate.textTokens()).isEqualTo(8);
        assertThat(estimate.exactText()).isTrue();
        assertThat(estimator.textTokens("four")).isEqualTo(4);
    }

    @Test
    void should_name_the_input_whose_header_is_unreadable() {
        byte[] png = TestImages.encoded("png", 10, 10);
        byte[] signatureOnly = java.util.Arrays.copyOf(png, 8);

        assertThatThrownBy(() -> v1.estimate(List.of(ClipInput.text("ok"), ClipInput.imageBytes("hello".getBytes()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input 1: [image] 5 bytes: no image reader recognises its format");
        assertThatThrownBy(() -> v1.estimate(List.of(ClipInput.imageBytes(signatureOnly))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 0: [image] 8 bytes: its png header cannot be read (");
    }

    @Test
    void should_name_a_file_that_is_not_an_image() throws IOException {
        Path text = Files.writeString(folder.resolve("notes.jpg"), "not a picture");

        assertThatThrownBy(() -> v1.estimate(List.of(ClipInput.imageFile(text))))
                .hasMessage("Input 0: [image] file " + text + ": no image reader recognises its format");
        assertThatThrownBy(() -> v1.imageTiles(text))
                .hasMessage("Image file " + text + ": no image reader recognises its format");
        assertThatThrownBy(() -> v1.imageTiles(folder.resolve("missing.jpg")))
                .hasMessageStartingWith("Image file " + folder.resolve("missing.jpg") + ": it cannot be read");
    }

    @Test
    void should_refuse_an_image_url_it_would_have_to_fetch() {
        assertThatThrownBy(() -> v1.estimate(List.of(ClipInput.imageUrl(URI.create("https://example.com/a.jpg")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 0: image URL https://example.com/a.jpg is not fetched here");
    }

    @Test
    void should_refuse_what_every_backend_refuses() {
        assertThatThrownBy(() -> v1.estimate(List.of(ClipInput.text("ok"), ClipInput.text("  "))))
                .hasMessage("Input 1: text is blank");
    }
}
