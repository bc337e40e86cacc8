package dev.jinaclip.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColorMathTest {

    /** Expected values from Pillow 9.4: {@code Image.new('CMYK', (1, 1), (c, m, y, k)).convert('RGB')}. */
    @ParameterizedTest(name = "cmyk({0}, {1}, {2}, {3}) = rgb({4}, {5}, {6})")
    @CsvSource({
            "0, 0, 0, 0, 255, 255, 255",
            "255, 0, 0, 0, 0, 255, 255",
            "0, 0, 0, 255, 0, 0, 0",
            "100, 150, 200, 50, 125, 84, 44",
            "255, 255, 255, 255, 0, 0, 0",
            "10, 20, 30, 128, 122, 117, 112",
            "200, 1, 254, 3, 54, 251, 1",
    })
    void should_convert_cmyk_like_pillow_without_colour_management(int c, int m, int y, int k, int r, int g, int b) {
        assertThat(ColorMath.cmykToRgb(c, k)).isEqualTo(r);
        assertThat(ColorMath.cmykToRgb(m, k)).isEqualTo(g);
        assertThat(ColorMath.cmykToRgb(y, k)).isEqualTo(b);
    }

    @Test
    void should_convert_ycbcr_with_libjpegs_integer_tables() {
        // neutral chroma keeps the luma
        assertThat(new int[] {ColorMath.red(77, 128, 128), ColorMath.green(77, 128, 128), ColorMath.blue(77, 128, 128)})
                .containsExactly(77, 77, 77);
        // full red chroma: R = Y + 1.402 * 127 = 178 + 128, clamped; G = Y - 0.71414 * 127 = 128 - 90.7
        assertThat(ColorMath.red(128, 128, 255)).isEqualTo(255);
        assertThat(ColorMath.green(128, 128, 255)).isEqualTo(37);
        assertThat(ColorMath.blue(128, 0, 128)).isEqualTo(0);
    }
}
