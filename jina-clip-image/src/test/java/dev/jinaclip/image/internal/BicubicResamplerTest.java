package dev.jinaclip.image.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pillow parity itself is checked end to end by {@code ImageParityTest}; these pin the windowing and the passes. */
class BicubicResamplerTest {

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({"97, 61, 40, 30", "40, 30, 97, 61", "50, 50, 50, 80", "50, 50, 80, 50", "64, 48, 64, 48"})
    void should_give_every_window_the_bytes_of_the_full_resize(int inW, int inH, int outW, int outH) {
        // given
        RgbRows noise = noise(inW, inH, 7);
        byte[] full = BicubicResampler.resizeWindow(noise, outW, outH, 0, 0, outW, outH);

        // when
        byte[] window = BicubicResampler.resizeWindow(noise, outW, outH, 5, 3, outW - 9, outH - 7);

        // then
        for (int y = 0; y < outH - 7; y++) {
            byte[] expected = Arrays.copyOfRange(full, ((y + 3) * outW + 5) * 3, ((y + 3) * outW + outW - 4) * 3);
            byte[] actual = Arrays.copyOfRange(window, y * (outW - 9) * 3, (y + 1) * (outW - 9) * 3);
            assertThat(actual).as("row %d", y).isEqualTo(expected);
        }
    }

    @Test
    void should_copy_the_window_when_the_size_does_not_change() {
        // given
        RgbRows noise = noise(30, 20, 3);

        // when
        byte[] window = BicubicResampler.resizeWindow(noise, 30, 20, 4, 2, 10, 5);

        // then
        byte[] row = new byte[90];
        noise.readRow(3, row);
        assertThat(Arrays.copyOfRange(window, 30, 60)).isEqualTo(Arrays.copyOfRange(row, 12, 42));
    }

    @Test
    void should_keep_a_flat_colour_flat_at_any_scale() {
        // given
        RgbRows flat = solid(123, 45, 67, 301, 199);

        // when
        byte[] down = BicubicResampler.resizeWindow(flat, 56, 37, 0, 0, 56, 37);
        byte[] up = BicubicResampler.resizeWindow(flat, 1000, 700, 100, 100, 50, 50);

        // then
        for (byte[] out : new byte[][] {down, up}) {
            for (int i = 0; i < out.length; i += 3) {
                int[] rgb = {out[i] & 0xFF, out[i + 1] & 0xFF, out[i + 2] & 0xFF};
                assertThat(rgb).containsExactly(123, 45, 67);
            }
        }
    }

    @Test
    void should_reject_a_window_outside_the_output() {
        assertThatThrownBy(() -> BicubicResampler.resizeWindow(noise(10, 10, 1), 20, 20, 10, 0, 11, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window 11x5+10+0 is outside the 20x20 output");
    }

    static RgbRows noise(int width, int height, long seed) {
        byte[] pixels = new byte[width * height * 3];
        new Random(seed).nextBytes(pixels);
        return rows(width, height, pixels);
    }

    static RgbRows solid(int r, int g, int b, int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) r;
            pixels[i + 1] = (byte) g;
            pixels[i + 2] = (byte) b;
        }
        return rows(width, height, pixels);
    }

    private static RgbRows rows(int width, int height, byte[] pixels) {
        return new RgbRows() {
            @Override
            public int width() {
                return width;
            }

            @Override
            public int height() {
                return height;
            }

            @Override
            public void readRow(int y, byte[] dst) {
                System.arraycopy(pixels, y * width * 3, dst, 0, width * 3);
            }
        };
    }
}
