package dev.jinaclip.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BicubicKernelTest {

    @Test
    void should_be_the_cubic_convolution_kernel_with_a_minus_one_half() {
        assertThat(BicubicKernel.filter(0.0)).isEqualTo(1.0);
        assertThat(BicubicKernel.filter(0.5)).isEqualTo(0.5625);
        assertThat(BicubicKernel.filter(-0.5)).isEqualTo(0.5625);
        assertThat(BicubicKernel.filter(1.0)).isEqualTo(0.0);
        assertThat(BicubicKernel.filter(1.5)).isEqualTo(-0.0625);
        assertThat(BicubicKernel.filter(2.0)).isEqualTo(0.0);
    }

    @Test
    void should_copy_samples_when_the_size_does_not_change() {
        // when
        BicubicKernel kernel = BicubicKernel.of(10, 10, 0, 10);

        // then: taps at x-1, x, x+1 (fewer at the edges) with weights 0, 1, 0
        assertThat(kernel.ksize).isEqualTo(5);
        for (int i = 0; i < 10; i++) {
            int centre = i - kernel.start[i];
            assertThat(kernel.weights[i * kernel.ksize + centre]).isEqualTo(1 << 22);
        }
    }

    @Test
    void should_widen_the_support_by_the_scale_when_downscaling() {
        // when: 3000 -> 336 is a scale of 8.93, so the support is 2 * 8.93 = 17.9 on each side
        BicubicKernel kernel = BicubicKernel.of(3000, 336, 0, 336);

        // then
        assertThat(kernel.ksize).isEqualTo(2 * 18 + 1);
        assertThat(kernel.length[100]).isEqualTo(36);
        assertThat(kernel.start[0]).isZero();
        assertThat(kernel.start[335] + kernel.length[335]).isEqualTo(3000);
    }

    @Test
    void should_compute_a_window_exactly_as_the_full_table() {
        // given
        BicubicKernel full = BicubicKernel.of(1234, 299, 0, 299);

        // when
        BicubicKernel window = BicubicKernel.of(1234, 299, 37, 224);

        // then
        for (int i = 0; i < 224; i++) {
            assertThat(window.start[i]).isEqualTo(full.start[37 + i]);
            assertThat(window.length[i]).isEqualTo(full.length[37 + i]);
            for (int k = 0; k < full.ksize; k++) {
                assertThat(window.weights[i * window.ksize + k]).isEqualTo(full.weights[(37 + i) * full.ksize + k]);
            }
        }
    }

    @Test
    void should_round_weights_that_sum_to_one_in_fixed_point() {
        BicubicKernel kernel = BicubicKernel.of(777, 224, 0, 224);
        for (int i = 0; i < 224; i++) {
            int sum = 0;
            for (int k = 0; k < kernel.length[i]; k++) {
                sum += kernel.weights[i * kernel.ksize + k];
            }
            assertThat(sum).isBetween((1 << 22) - kernel.ksize, (1 << 22) + kernel.ksize);
        }
    }

    @Test
    void should_clip_to_bytes_after_dropping_the_fraction() {
        assertThat(BicubicKernel.clip8(-1)).isEqualTo((byte) 0);
        assertThat(BicubicKernel.clip8((100 << 22) + (1 << 21))).isEqualTo((byte) 100);
        assertThat(BicubicKernel.clip8(300 << 22)).isEqualTo((byte) 255);
    }
}
