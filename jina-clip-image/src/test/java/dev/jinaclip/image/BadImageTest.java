package dev.jinaclip.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.testing.Fixtures;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadImageTest {

    private static final ClipImagePreprocessor PREPROCESSOR = ClipImagePreprocessor.create();

    @Test
    void should_reject_zero_bytes() {
        assertThatThrownBy(() -> PREPROCESSOR.crop(new byte[0]))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessage("image data is empty (0 bytes)");
    }

    @Test
    void should_reject_random_bytes_as_an_unsupported_format() {
        // given
        byte[] noise = new byte[1000];
        new Random(42).nextBytes(noise);
        noise[0] = 0x3f;

        // when / then
        assertThatThrownBy(() -> PREPROCESSOR.pixelValues(noise))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageStartingWith("unsupported or unrecognised image format (1000 bytes starting with 3f ")
                .hasMessageEndingWith("supported: JPEG, PNG, GIF, BMP, WebP, TIFF");
    }

    @Test
    void should_refuse_a_format_outside_the_supported_list() {
        // given: a 2x2 WBMP, which the JDK can read; its reader also claims many random byte sequences
        byte[] wbmp = {0, 0, 2, 2, 0, 0};

        // when / then
        assertThatThrownBy(() -> PREPROCESSOR.crop(wbmp))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessage("unsupported image format wbmp (6 bytes starting with 00 00 02 02 00 00); supported: "
                        + "JPEG, PNG, GIF, BMP, WebP, TIFF");
    }

    @Test
    void should_reject_text_that_is_not_an_image() {
        byte[] text = "<html><body>not found</body></html>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> PREPROCESSOR.crop(text))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageContaining("unsupported or unrecognised image format");
    }

    @Test
    void should_reject_a_truncated_png() throws IOException {
        // given
        byte[] png = fixture("rgb_450x337_landscape.png");

        // when / then
        assertThatThrownBy(() -> PREPROCESSOR.crop(Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageStartingWith("cannot decode png image (truncated or corrupt?): ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rgb420_480x360.jpg", "progressive444_320x240.jpg", "cmyk_260x230.jpg"})
    void should_reject_a_truncated_jpeg_that_imageio_would_fill_with_grey(String file) throws IOException {
        // given
        byte[] jpeg = fixture(file);

        // when / then
        assertThatThrownBy(() -> PREPROCESSOR.crop(Arrays.copyOf(jpeg, jpeg.length * 2 / 3)))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageStartingWith("truncated or corrupt jpeg image: the decoder warned ");
    }

    @Test
    void should_reject_a_jpeg_without_its_end_marker_like_pillow() throws IOException {
        byte[] jpeg = fixture("rgb420_480x360.jpg");
        assertThatThrownBy(() -> PREPROCESSOR.crop(Arrays.copyOf(jpeg, jpeg.length - 2)))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageContaining("Missing EOI");
    }

    @Test
    void should_reject_a_truncated_lossless_webp_that_the_reader_would_decode_silently() throws IOException {
        byte[] webp = fixture("lossless_300x250.webp");
        assertThatThrownBy(() -> PREPROCESSOR.crop(Arrays.copyOf(webp, webp.length - 100)))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessage("truncated webp image: its RIFF header declares " + webp.length + " bytes but only "
                        + (webp.length - 100) + " are present");
    }

    @ParameterizedTest
    @ValueSource(strings = {"animated_240x260.gif", "rgb_200x150.bmp", "rgb_290x270.tif", "lossy_300x250.webp"})
    void should_reject_other_truncated_formats(String file) throws IOException {
        byte[] data = fixture(file);
        assertThatThrownBy(() -> PREPROCESSOR.crop(Arrays.copyOf(data, data.length / 10)))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void should_refuse_a_pixel_bomb_before_decoding_it() {
        // given: a 57-byte PNG declaring 100000 x 100000 RGB pixels (30 GB decoded)
        byte[] bomb = Fixtures.pngDeclaring(100_000, 100_000);

        // when / then
        assertThatThrownBy(() -> PREPROCESSOR.crop(bomb))
                .isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                    assertThat(e.width()).isEqualTo(100_000);
                    assertThat(e.height()).isEqualTo(100_000);
                    assertThat(e.maxPixels()).isEqualTo(ClipImagePreprocessor.DEFAULT_MAX_PIXELS);
                })
                .hasMessage("image declares 100000x100000 = 10000000000 pixels, more than the limit of 89478485"
                        + " pixels (maxPixels)");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void should_refuse_a_gif_whose_logical_screen_is_a_pixel_bomb() throws IOException {
        // given: a small GIF whose logical screen is patched to 65535 x 65535 (Pillow would allocate all of it)
        byte[] gif = fixture("offset_frame_260x240.gif");
        ByteBuffer.wrap(gif, 6, 4).put(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

        // when / then
        assertThatThrownBy(() -> PREPROCESSOR.crop(gif))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageStartingWith("image declares 65535x65535 = ");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void should_tell_the_declared_size_from_the_header_and_refuse_a_bomb_without_decoding() throws IOException {
        assertThat(PREPROCESSOR.declaredSize(fixture("rgb_300x224_noresize.png")))
                .isEqualTo(new Dimension(300, 224));
        assertThat(PREPROCESSOR.declaredSize(fixture("offset_frame_260x240.gif")))
                .isEqualTo(new Dimension(260, 240)); // the logical screen, as decoding places the frame
        assertThatThrownBy(() -> PREPROCESSOR.declaredSize(Fixtures.pngDeclaring(100_000, 100_000)))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageStartingWith("image declares 100000x100000 = 10000000000 pixels");
        assertThatThrownBy(() -> ClipImagePreprocessor.builder().maxPixels(300 * 224 - 1).build()
                .declaredSize(fixture("rgb_300x224_noresize.png")))
                .isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> PREPROCESSOR.declaredSize(new byte[] {0, 0, 2, 2, 0, 0}))
                .isInstanceOf(ImageDecodingException.class).hasMessageStartingWith("unsupported image format wbmp");
    }

    @Test
    void should_apply_a_configured_pixel_limit() throws IOException {
        // given
        ClipImagePreprocessor strict = ClipImagePreprocessor.builder().maxPixels(300 * 224 - 1).build();
        byte[] png = fixture("rgb_300x224_noresize.png");

        // when / then
        assertThatThrownBy(() -> strict.crop(png))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessage("image declares 300x224 = 67200 pixels, more than the limit of 67199 pixels (maxPixels)");
        assertThat(ClipImagePreprocessor.builder().maxPixels(300 * 224).build().crop(png).getWidth()).isEqualTo(224);
    }

    @Test
    void should_reject_a_missing_file(@TempDir Path dir) {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> PREPROCESSOR.pixelValues(missing))
                .isInstanceOf(ImageDecodingException.class)
                .hasMessage("image file not found: " + missing);
    }

    @Test
    void should_reject_null_arguments() {
        assertThatThrownBy(() -> PREPROCESSOR.crop((byte[]) null))
                .isInstanceOf(NullPointerException.class).hasMessage("encoded");
        assertThatThrownBy(() -> PREPROCESSOR.pixelValues((Path) null))
                .isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> PREPROCESSOR.crop((BufferedImage) null))
                .isInstanceOf(NullPointerException.class).hasMessage("image");
        assertThatThrownBy(() -> PREPROCESSOR.writePixelValues(new byte[1], (float[]) null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("batch");
    }

    static byte[] fixture(String file) throws IOException {
        return Files.readAllBytes(ImageParityTest.IMAGES.resolve(file));
    }
}
