package dev.jinaclip.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.onnx.JinaClipOnnxConfig;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteImagesTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    final RemoteImages images = new RemoteImages(JinaClipOnnxConfig.builder().maxImageBytes(1000L).build());

    @AfterEach
    void close() {
        images.close();
    }

    String url() {
        return server.url("/photo.png").toString();
    }

    byte[] fetch(int position) {
        try {
            return images.fetch(url(), position).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    @Test
    void should_download_an_image() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png")
                .body(new Buffer().write(new byte[] {1, 2, 3})).build());

        assertThat(fetch(4)).containsExactly(1, 2, 3);
    }

    @Test
    void should_name_the_input_and_status_of_a_failed_download() {
        server.enqueue(new MockResponse.Builder().code(404).build());

        assertThatThrownBy(() -> fetch(4))
                .hasMessage("Input 4: downloading image " + url() + " failed with HTTP 404");
    }

    @Test
    void should_refuse_an_image_over_the_limit_without_reading_all_of_it() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/jpeg")
                .body(new Buffer().write(new byte[5000])).build());

        assertThatThrownBy(() -> fetch(0))
                .hasMessage("Input 0: image " + url() + " is larger than 1000 bytes");
    }

    @Test
    void should_refuse_a_page_that_is_not_an_image() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body("<html/>").build());

        assertThatThrownBy(() -> fetch(2))
                .hasMessageContaining("Input 2: " + url() + " is not an image (Content-Type text/html");
    }
}
