package dev.jinaclip.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.cost.TokenEstimate;
import dev.jinaclip.core.cost.TokenEstimator;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.segment.TextSegment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LangChain4j images and segments priced through {@link ClipInputs}. */
class ClipInputsTest {

    private final TokenEstimator estimator = TokenEstimator.of(JinaClipModel.JINA_CLIP_V1);

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void should_price_langchain4j_images_and_segments(@TempDir Path folder) throws Exception {
        byte[] png = png(750, 500);
        Path file = Files.write(folder.resolve("photo.png"), png);
        Image base64 = Image.builder().base64Data(Base64.getEncoder().encodeToString(png)).mimeType("image/png")
                .build();
        Image byUrl = Image.builder().url(file.toUri()).build();

        TokenEstimate estimate = estimator.estimate(List.of(ClipInputs.of(base64), ClipInputs.of(byUrl),
                ClipInputs.of(TextSegment.from("a photo of a cat"))));

        assertThat(estimate.imageTokens()).isEqualTo(2 * 12_000);
        assertThat(estimate.textTokens()).isEqualTo(8);
    }

    @Test
    void should_keep_an_http_url_as_a_url() {
        ClipInput input = ClipInputs.of(Image.builder().url("https://example.com/cat.jpg").build());

        assertThat(input).isEqualTo(ClipInput.imageUrl(URI.create("https://example.com/cat.jpg")));
    }

    @Test
    void should_refuse_an_image_without_data() {
        assertThatThrownBy(() -> ClipInputs.of(Image.builder().mimeType("image/png").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image has neither a URL nor base64 data");
    }
}
