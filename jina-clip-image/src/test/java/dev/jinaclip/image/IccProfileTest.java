package dev.jinaclip.image;

import static dev.jinaclip.image.BadImageTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The reference ignores embedded ICC profiles (Pillow's {@code convert('RGB')} does no colour management), while
 * ImageIO readers may apply them.
 */
class IccProfileTest {

    private static final ClipImagePreprocessor PREPROCESSOR = ClipImagePreprocessor.create();

    @Test
    void should_ignore_an_embedded_icc_profile_in_a_jpeg() throws IOException {
        // given: the same JPEG with a linear-RGB profile (very different from sRGB) inserted after SOI
        byte[] plain = fixture("rgb420_480x360.jpg");
        byte[] tagged = withIccProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        assertThat(ImageIO.read(new ByteArrayInputStream(tagged)).getRGB(100, 100))
                .as("ImageIO applies the profile, so the test is meaningful")
                .isNotEqualTo(ImageIO.read(new ByteArrayInputStream(plain)).getRGB(100, 100));

        // when / then
        assertThat(PREPROCESSOR.pixelValues(tagged)).isEqualTo(PREPROCESSOR.pixelValues(plain));
    }

    /** Inserts an APP2 ICC_PROFILE segment (one chunk) right after the SOI marker. */
    private static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + id.length + 2 + profile.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
        out.writeBytes(id);
        out.writeBytes(new byte[] {1, 1});
        out.writeBytes(profile);
        out.writeBytes(Arrays.copyOfRange(jpeg, 2, jpeg.length));
        return out.toByteArray();
    }
}
