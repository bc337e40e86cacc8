package dev.jinaclip.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class RemoteImagesTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    final RemoteImages images = new RemoteImages(1000);

    String url() {
        return server.url("/photo.png").toString();
    }

    @Test
    void should_download_an_image() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png")
                .body(new Buffer().write(new byte[] {1, 2, 3})).build());

        assertThat(images.fetch(url(), 4)).containsExactly(1, 2, 3);
    }

    @Test
    void should_name_the_input_and_status_of_a_failed_download() {
        server.enqueue(new MockResponse.Builder().code(404).build());

        assertThatThrownBy(() -> images.fetch(url(), 4))
                .hasMessage("Input 4: downloading image " + url() + " failed with HTTP 404");
    }

    @Test
    void should_refuse_an_image_over_the_limit_without_reading_all_of_it() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/jpeg")
                .body(new Buffer().write(new byte[5000])).build());

        assertThatThrownBy(() -> images.fetch(url(), 0))
                .hasMessage("Input 0: image " + url() + " is larger than 1000 bytes");
    }

    @Test
    void should_refuse_a_page_that_is_not_an_image() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body("<html/>").build());

        assertThatThrownBy(() -> images.fetch(url(), 2))
                .hasMessageContaining("Input 2: " + url() + " is not an image (Content-Type text/html");
    }
}
