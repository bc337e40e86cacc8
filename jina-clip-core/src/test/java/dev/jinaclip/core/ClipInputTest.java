package dev.jinaclip.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** How an input shows in logs, listeners and observations: never image data, never a URL's credentials. */
class ClipInputTest {

    static final ClipInput SIGNED = ClipInput.imageUrl(URI.create(
            "https://user:secret@images.example.com/a/photo.png?X-Amz-Signature=abc123&X-Amz-Credential=key#top"));

    @Test
    void anImageUrlShowsWithoutUserInfoOrQuery() {
        assertThat(SIGNED.describe()).isEqualTo("[image] https://images.example.com/a/photo.png?…");
        assertThat(SIGNED.toString()).isEqualTo("ImageUrl[https://images.example.com/a/photo.png?…]")
                .doesNotContain("secret", "abc123", "key");
    }

    @Test
    void aPlainImageUrlShowsWhole() {
        ClipInput plain = ClipInput.imageUrl(URI.create("http://127.0.0.1:8080/red.png"));
        assertThat(plain.describe()).isEqualTo("[image] http://127.0.0.1:8080/red.png");
    }

    @Test
    void aDataUriShowsItsLengthOnly() {
        ClipInput data = ClipInput.imageUrl(URI.create("data:image/png;base64,iVBORw0KGgo="));
        assertThat(data.describe()).isEqualTo("[image] data URI, 34 chars");
        assertThat(data.toString()).isEqualTo("ImageUrl[data: URI]");
    }
}
