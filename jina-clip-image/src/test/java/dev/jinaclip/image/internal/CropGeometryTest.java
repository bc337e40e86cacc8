package dev.jinaclip.image.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CropGeometryTest {

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3} +{4}+{5}")
    @CsvSource({
            // the reference example: int(224 * 750 / 500) = 336, left = round(56.0)
            "750, 500, 336, 224, 56, 0",
            // already right: no resize; slack 76 -> 38
            "300, 224, 300, 224, 38, 0",
            // slack 77 -> 38.5 rounds half to even -> 38 (Math.round would give 39)
            "301, 224, 301, 224, 38, 0",
            // int(224 * 450 / 337) = int(299.1) = 299; slack 75 -> 37.5 -> 38
            "450, 337, 299, 224, 38, 0",
            // portrait: int(224 * 800 / 480) = int(373.33) = 373; slack 149 -> 74.5 -> 74
            "480, 800, 224, 373, 0, 74",
            // upsampling: int(224 * 100 / 80) = 280
            "100, 80, 280, 224, 28, 0",
            "500, 500, 224, 224, 0, 0",
            "3000, 2000, 336, 224, 56, 0",
            // truncation, not rounding: 224 * 641 / 480 = 299.13
            "641, 480, 299, 224, 38, 0",
            "1, 100000, 224, 22400000, 0, 11199888",
    })
    void should_resize_the_shortest_side_and_centre_the_crop_like_torchvision(int width, int height, int resizedWidth,
                                                                           int resizedHeight, int left, int top) {
        // when
        CropGeometry g = CropGeometry.of(width, height, 224);

        // then
        assertThat(g).isEqualTo(new CropGeometry(resizedWidth, resizedHeight, left, top, 224));
    }

    @Test
    void should_reject_an_aspect_ratio_whose_resized_side_would_overflow() {
        assertThatThrownBy(() -> CropGeometry.of(1, 50_000_000, 224))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aspect ratio 1:50000000 is too extreme to resize");
    }
}
