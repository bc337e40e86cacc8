package dev.jinaclip.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputResolverTest {

    static final long LIMIT = 8_000_000L;
    static final byte[] PNG_BYTES = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    final InputResolver resolver = new InputResolver(LIMIT);

    @TempDir
    Path dir;

    ResolvedInput prepareOne(ClipInput input) {
        return resolver.resolve(List.of(ClipInput.text("first"), input)).get(1);
    }

    void assertRejected(ClipInput input, String message) {
        assertThatThrownBy(() -> prepareOne(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Input 1: ")
                .hasMessageContaining(message);
    }

    @Test
    void should_pass_http_urls_through() {
        ResolvedInput input = prepareOne(ClipInput.imageUrl(URI.create("https://img.example/a.jpg?x=1")));

        assertThat(input.wireValue()).isEqualTo("https://img.example/a.jpg?x=1");
        assertThat(input.isImage()).isTrue();
    }

    @Test
    void should_send_files_as_raw_base64() throws IOException {
        Path file = Files.write(dir.resolve("a.png"), PNG_BYTES);
        String expected = Base64.getEncoder().encodeToString(PNG_BYTES);

        assertThat(prepareOne(ClipInput.imageFile(file)).wireValue()).isEqualTo(expected);
        assertThat(prepareOne(ClipInput.imageUrl(file.toUri())).wireValue()).isEqualTo(expected);
        assertThat(prepareOne(ClipInput.imageFile(file)).imageBytes()).isEqualTo(PNG_BYTES.length);
    }

    @Test
    void should_strip_data_uri_prefixes_and_line_breaks_from_base64() {
        String base64 = Base64.getEncoder().encodeToString(PNG_BYTES);
        String wrapped = base64.substring(0, 4) + "\r\n" + base64.substring(4);

        assertThat(prepareOne(ClipInput.imageBase64("data:image/png;base64," + base64)).wireValue()).isEqualTo(base64);
        assertThat(prepareOne(ClipInput.imageUrl(URI.create("data:image/png;base64," + base64))).wireValue())
                .isEqualTo(base64);
        assertThat(prepareOne(ClipInput.imageBase64(wrapped)).wireValue()).isEqualTo(base64);
    }

    @Test
    void should_name_the_position_of_a_null_input() {
        assertThatThrownBy(() -> resolver.resolve(Arrays.asList(ClipInput.text("a"), null)))
                .hasMessage("Input 1: is null");
    }

    @Test
    void should_reject_blank_text() {
        assertRejected(ClipInput.text(" \t\n"), "text is blank");
    }

    @Test
    void should_reject_text_that_is_not_base64() {
        assertRejected(ClipInput.imageBase64("this is not base64!"), "neither an http(s) URL nor valid base64");
    }

    @Test
    void should_reject_a_data_uri_that_is_not_base64() {
        assertRejected(ClipInput.imageBase64("data:image/svg+xml,<svg/>"), "not base64-encoded");
    }

    @Test
    void should_reject_unsupported_url_schemes() {
        assertRejected(ClipInput.imageUrl(URI.create("ftp://host/a.png")), "'ftp:...' is neither http(s), file: nor data:");
        assertRejected(ClipInput.imageUrl(URI.create("images/a.png")), "is neither http(s), file: nor data:");
    }

    @Test
    void should_reject_a_missing_file_naming_it() {
        Path missing = dir.resolve("missing.png");

        assertRejected(ClipInput.imageFile(missing), "does not exist or is not a regular file: " + missing);
        assertRejected(ClipInput.imageFile(dir), "is not a regular file");
    }

    @Test
    void should_reject_an_empty_file() throws IOException {
        assertRejected(ClipInput.imageFile(Files.createFile(dir.resolve("empty.png"))), "is empty (0 bytes)");
        assertRejected(ClipInput.imageBytes(new byte[0]), "image is empty");
    }

    @Test
    void should_reject_images_over_8_mb_without_reading_them() throws IOException {
        Path big = dir.resolve("big.jpg");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(LIMIT + 1); // sparse: nothing is written or read
        }

        assertRejected(ClipInput.imageFile(big), "is 8000001 bytes; images up to 8000000 bytes are accepted");
        assertRejected(ClipInput.imageBytes(new byte[(int) LIMIT + 1]), "is 8000001 bytes");
    }

    @Test
    void should_accept_an_image_of_exactly_8_mb() {
        assertThat(prepareOne(ClipInput.imageBytes(new byte[(int) LIMIT])).imageBytes()).isEqualTo(LIMIT);
    }
}
