package dev.jinaclip.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** libjpeg's {@code default_decompress_parms} rules, which decide what Pillow's decoder outputs. */
class JpegColorSpaceTest {

    @Test
    void should_read_one_component_as_grey() {
        assertThat(JpegColorSpace.of(jpeg(false, -1, 1), 1)).isEqualTo(JpegColorSpace.GRAY);
    }

    @Test
    void should_read_three_components_with_jfif_as_ycbcr_even_with_an_adobe_rgb_marker() {
        assertThat(JpegColorSpace.of(jpeg(true, 0, 1, 2, 3), 3)).isEqualTo(JpegColorSpace.YCBCR);
    }

    @Test
    void should_follow_the_adobe_transform_for_three_components() {
        assertThat(JpegColorSpace.of(jpeg(false, 0, 1, 2, 3), 3)).isEqualTo(JpegColorSpace.RGB);
        assertThat(JpegColorSpace.of(jpeg(false, 1, 'R', 'G', 'B'), 3)).isEqualTo(JpegColorSpace.YCBCR);
    }

    @Test
    void should_guess_from_component_ids_without_markers() {
        assertThat(JpegColorSpace.of(jpeg(false, -1, 'R', 'G', 'B'), 3)).isEqualTo(JpegColorSpace.RGB);
        assertThat(JpegColorSpace.of(jpeg(false, -1, 1, 2, 3), 3)).isEqualTo(JpegColorSpace.YCBCR);
        assertThat(JpegColorSpace.of(jpeg(false, -1, 7, 8, 9), 3)).isEqualTo(JpegColorSpace.YCBCR);
    }

    @Test
    void should_read_four_components_as_cmyk_unless_adobe_says_ycck() {
        assertThat(JpegColorSpace.of(jpeg(false, -1, 1, 2, 3, 4), 4)).isEqualTo(JpegColorSpace.CMYK);
        assertThat(JpegColorSpace.of(jpeg(false, 0, 1, 2, 3, 4), 4)).isEqualTo(JpegColorSpace.CMYK);
        assertThat(JpegColorSpace.of(jpeg(false, 2, 1, 2, 3, 4), 4)).isEqualTo(JpegColorSpace.YCCK);
    }

    @Test
    void should_fall_back_to_the_decoded_component_count_without_a_frame_header() {
        assertThat(JpegColorSpace.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, 3))
                .isEqualTo(JpegColorSpace.YCBCR);
    }

    /** SOI, optional APP0 JFIF, optional APP14 Adobe with {@code adobeTransform}, SOF0 with the component ids, SOS. */
    private static byte[] jpeg(boolean jfif, int adobeTransform, int... componentIds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        if (jfif) {
            segment(out, 0xE0, concat("JFIF\0".getBytes(StandardCharsets.US_ASCII), new byte[9]));
        }
        if (adobeTransform >= 0) {
            byte[] adobe = concat("Adobe".getBytes(StandardCharsets.US_ASCII), new byte[7]);
            adobe[11] = (byte) adobeTransform;
            segment(out, 0xEE, adobe);
        }
        byte[] sof = new byte[6 + 3 * componentIds.length];
        sof[0] = 8;
        sof[2] = 16;
        sof[4] = 16;
        sof[5] = (byte) componentIds.length;
        for (int i = 0; i < componentIds.length; i++) {
            sof[6 + 3 * i] = (byte) componentIds[i];
            sof[7 + 3 * i] = 0x11;
        }
        segment(out, 0xC0, sof);
        segment(out, 0xDA, new byte[6]);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        int length = data.length + 2;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.writeBytes(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
