package dev.jinaclip.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecoderWarningsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Truncated File - Missing EOI marker",
            "Premature end of JPEG file",
            "Corrupt JPEG data: premature end of data segment",
            "Corrupt JPEG data: bad Huffman code",
            "Unexpected EOF",
    })
    void should_treat_truncation_and_corruption_as_fatal(String warning) {
        assertThat(DecoderWarnings.isFatal(warning)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Corrupt JPEG data: 3 extraneous bytes before marker 0xd9",
            "No embedded ICC color profile, will convert using inaccurate CMYK to RGB conversion.",
            "Ignoring bad thumbnail",
            "",
    })
    void should_accept_warnings_that_leave_the_pixels_intact(String warning) {
        assertThat(DecoderWarnings.isFatal(warning)).isFalse();
    }
}
