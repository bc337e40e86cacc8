package dev.jinaclip.image;

import static dev.jinaclip.image.BadImageTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cuts images short at many points: each cut must be rejected, or (when only bytes after the first image's pixels
 * were cut, such as a PNG's IEND or later GIF frames) give exactly the crop of the whole file. Never another image.
 */
class TruncationTest {

    private static final ClipImagePreprocessor PREPROCESSOR = ClipImagePreprocessor.create();

    @ParameterizedTest
    @ValueSource(strings = {"rgb420_480x360.jpg", "progressive444_320x240.jpg", "ycck_260x230.jpg",
            "rgb_450x337_landscape.png", "rgb16_280x250.png", "animated_240x260.gif", "rgb_200x150.bmp",
            "cmyk_250x240.tif", "lossless_300x250.webp", "lossy_300x250.webp"})
    void should_never_return_a_different_image_for_a_truncated_file(String file) throws IOException {
        // given
        byte[] whole = fixture(file);
        float[] expected = PREPROCESSOR.pixelValues(whole);
        int step = Math.max(1, whole.length / 40);

        for (int length = 1; length < whole.length; length += length < whole.length - 16 ? step : 1) {
            // when
            float[] actual;
            try {
                actual = PREPROCESSOR.pixelValues(Arrays.copyOf(whole, length));
            } catch (ImageDecodingException rejected) {
                continue;
            }

            // then
            assertThat(actual).as("%s cut to %d of %d bytes", file, length, whole.length).isEqualTo(expected);
        }
    }
}
