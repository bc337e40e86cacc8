package dev.jinaclip.image;

import static dev.jinaclip.image.BadImageTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ClipImagePreprocessorTest {

    private static final ClipImagePreprocessor PREPROCESSOR = ClipImagePreprocessor.create();
    private static final int LENGTH = 3 * 224 * 224;

    @Test
    void should_use_the_documented_defaults() {
        assertThat(PREPROCESSOR.imageSize()).isEqualTo(224);
        assertThat(PREPROCESSOR.maxPixels()).isEqualTo(89_478_485L);
        assertThat(PREPROCESSOR.pixelValuesLength()).isEqualTo(LENGTH);
    }

    @Test
    void should_reject_settings_that_are_not_positive() {
        assertThatThrownBy(() -> ClipImagePreprocessor.builder().imageSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("imageSize must be between 1 and 8192, was 0");
        assertThatThrownBy(() -> ClipImagePreprocessor.builder().maxPixels(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPixels must be positive, was -1");
    }

    @Test
    void should_return_a_224_square_int_rgb_crop() throws IOException {
        BufferedImage crop = PREPROCESSOR.crop(fixture("rgb_420x700_portrait.png"));
        assertThat(crop.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(crop.getWidth()).isEqualTo(224);
        assertThat(crop.getHeight()).isEqualTo(224);
    }

    @Test
    void should_normalise_in_chw_order_with_the_clip_mean_and_std() {
        // given: a solid colour
        BufferedImage solid = new BufferedImage(300, 250, BufferedImage.TYPE_INT_RGB);
        Arrays.fill(((DataBufferInt) solid.getRaster().getDataBuffer()).getData(), 0xFF0080);

        // when
        float[] values = PREPROCESSOR.pixelValues(solid);

        // then: one constant plane per channel, R then G then B
        int plane = 224 * 224;
        assertThat(values).hasSize(LENGTH);
        assertThat(values[0]).isEqualTo((1f - 0.48145466f) / 0.26862954f);
        assertThat(values[plane - 1]).isEqualTo(values[0]);
        assertThat(values[plane]).isEqualTo((0f - 0.4578275f) / 0.26130258f);
        assertThat(values[2 * plane - 1]).isEqualTo(values[plane]);
        assertThat(values[2 * plane]).isEqualTo((128 / 255f - 0.40821073f) / 0.27577711f);
        assertThat(values[LENGTH - 1]).isEqualTo(values[2 * plane]);
    }

    @Test
    void should_write_pixel_values_into_a_batch_at_an_offset() throws IOException {
        // given
        byte[] png = fixture("rgb_360x360_square.png");
        float[] batch = new float[2 * LENGTH + 5];
        Arrays.fill(batch, Float.NaN);

        // when
        PREPROCESSOR.writePixelValues(png, batch, LENGTH + 5);

        // then
        assertThat(Arrays.copyOfRange(batch, LENGTH + 5, batch.length)).isEqualTo(PREPROCESSOR.pixelValues(png));
        assertThat(Arrays.copyOfRange(batch, 0, LENGTH + 5)).containsOnly(Float.NaN);
    }

    @Test
    void should_leave_the_batch_untouched_when_the_range_does_not_fit_or_decoding_fails() throws IOException {
        // given
        float[] batch = new float[LENGTH + 1];
        Arrays.fill(batch, Float.NaN);
        byte[] png = fixture("rgb_360x360_square.png");

        // when / then
        assertThatThrownBy(() -> PREPROCESSOR.writePixelValues(png, batch, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PREPROCESSOR.writePixelValues(Arrays.copyOf(png, 100), batch, 0))
                .isInstanceOf(ImageDecodingException.class);
        assertThat(batch).containsOnly(Float.NaN);
    }

    @Test
    void should_give_the_same_result_for_bytes_a_path_and_a_decoded_image() throws IOException {
        // given
        Path file = ImageParityTest.IMAGES.resolve("rgb_450x337_landscape.png");

        // when
        float[] fromBytes = PREPROCESSOR.pixelValues(fixture("rgb_450x337_landscape.png"));
        float[] fromPath = PREPROCESSOR.pixelValues(file);
        float[] fromImage = PREPROCESSOR.pixelValues(ImageIO.read(file.toFile()));

        // then
        assertThat(fromPath).isEqualTo(fromBytes);
        assertThat(fromImage).isEqualTo(fromBytes);
    }

    @Test
    void should_replicate_stored_grey_values_without_java_colour_management() {
        // given: Java's getRGB would map grey 100 to about 168 (linear to sRGB); Pillow keeps 100
        BufferedImage grey = filled(BufferedImage.TYPE_BYTE_GRAY, 100);

        // when / then
        assertThat(rgbValues(PREPROCESSOR.crop(grey))).containsOnly(0x646464);
    }

    @Test
    void should_keep_the_high_byte_of_16_bit_samples() {
        // given: 0x12FF; rounding v * 255 / 65535 would give 0x13
        BufferedImage grey16 = filled(BufferedImage.TYPE_USHORT_GRAY, 0x12FF);

        // when / then
        assertThat(rgbValues(PREPROCESSOR.crop(grey16))).containsOnly(0x121212);
    }

    @Test
    void should_drop_alpha_without_compositing_like_pillow() {
        // given: fully transparent pixels that store orange
        BufferedImage transparent = new BufferedImage(250, 240, BufferedImage.TYPE_INT_ARGB);
        Arrays.fill(((DataBufferInt) transparent.getRaster().getDataBuffer()).getData(), 0x00FF8040);

        // when / then
        assertThat(rgbValues(PREPROCESSOR.crop(transparent))).containsOnly(0xFF8040);
    }

    @Test
    void should_honour_a_custom_image_size() throws IOException {
        // given
        ClipImagePreprocessor small = ClipImagePreprocessor.builder().imageSize(64).build();

        // when
        BufferedImage crop = small.crop(fixture("rgb_450x337_landscape.png"));

        // then
        assertThat(crop.getWidth()).isEqualTo(64);
        assertThat(crop.getHeight()).isEqualTo(64);
        assertThat(small.pixelValues(crop)).hasSize(3 * 64 * 64).hasSize(small.pixelValuesLength());
    }

    @Test
    void should_give_the_same_results_when_shared_between_threads() throws IOException {
        // given
        List<String> files = List.of("rgb420_480x360.jpg", "palette_320x240.png", "cmyk_250x240.tif",
                "animated_240x260.gif", "lossless_300x250.webp", "large_3000x2000.png");
        List<float[]> expected = files.stream().map(f -> PREPROCESSOR.pixelValues(ImageParityTest.IMAGES.resolve(f)))
                .toList();

        // when
        List<float[]> actual = IntStream.range(0, 8 * files.size()).parallel()
                .mapToObj(i -> PREPROCESSOR.pixelValues(ImageParityTest.IMAGES.resolve(files.get(i % files.size()))))
                .toList();

        // then
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).isEqualTo(expected.get(i % files.size()));
        }
    }

    static BufferedImage filled(int type, int sample) {
        BufferedImage image = new BufferedImage(300, 260, type);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, sample);
            }
        }
        return image;
    }

    static int[] rgbValues(BufferedImage crop) {
        return ((DataBufferInt) crop.getRaster().getDataBuffer()).getData();
    }
}
