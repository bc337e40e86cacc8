package dev.jinaclip.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.core.internal.InputResolver;
import dev.jinaclip.core.internal.ResolvedInput;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageTokenSaverTest {

    @ParameterizedTest
    @EnumSource(JinaClipModel.class)
    void should_bound_the_upload_of_an_incompressible_image_for_splitting_requests(JinaClipModel model)
            throws IOException {
        // given: noise, which PNG cannot compress, two tiles high: cropped, not resized (which would smooth it)
        ImageTokenSaver saver = new ImageTokenSaver(model);
        ResolvedInput noise = new InputResolver(Long.MAX_VALUE)
                .resolve(List.of(ClipInput.imageBytes(noisePng(model.imageSize(), 2 * model.imageSize())))).get(0);

        // when
        ImageTokenSaver.Saved saved = saver.apply(List.of(noise));

        // then
        long uploaded = saved.batch().get(0).imageBytes();
        assertThat(uploaded).isGreaterThan(3L * model.imageSize() * model.imageSize());
        assertThat(saver.uploadBytes(noise)).isGreaterThanOrEqualTo(uploaded);
        assertThat(saver.uploadBytes(new InputResolver(Long.MAX_VALUE)
                .resolve(List.of(ClipInput.text("a red car"))).get(0))).isZero();
    }

    private static byte[] noisePng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
