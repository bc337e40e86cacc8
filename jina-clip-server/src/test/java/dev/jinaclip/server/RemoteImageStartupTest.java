package dev.jinaclip.server;

import dev.jinaclip.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server starts only with safe remote-image settings, and says what it fetches. */
@ExtendWith(OutputCaptureExtension.class)
class RemoteImageStartupTest {

    static final String P = "spring.ai.jina-clip.onnx.";

    /** The server started as an operator starts it: settings on the command line, over application.properties. */
    static ConfigurableApplicationContext start(String... settings) {
        return new SpringApplicationBuilder(JinaClipServerApplication.class).run(Stream.concat(Stream.of(
                "server.port=0", P + "intra-op-threads=1", P + "model-directory=" + Fixtures.model("semantic")),
                Stream.of(settings)).map(setting -> "--" + setting).toArray(String[]::new));
    }

    @Test
    void byDefaultImageUrlsAreNotFetched(CapturedOutput output) {
        try (ConfigurableApplicationContext server = start()) {
            assertThat(output.getOut()).contains("Image URLs are not fetched (" + P + "fetch-remote-images=false)");
        }
    }

    @Test
    void fetchingWithoutAnAllowListDoesNotStart() {
        assertThatThrownBy(() -> start(P + "fetch-remote-images=true").close())
                .rootCause()
                .hasMessageStartingWith(P + "fetch-remote-images is on without " + P + "image-hosts");
    }

    @Test
    void fetchingFromPublicAddressesOfTheListedHosts(CapturedOutput output) {
        try (ConfigurableApplicationContext server = start(P + "fetch-remote-images=true",
                P + "image-hosts=images.example.com,*.cdn.example.com")) {
            assertThat(output.getOut())
                    .contains("Image URLs are fetched from [images.example.com, *.cdn.example.com], public addresses"
                            + " only")
                    .doesNotContain("including private");
        }
    }

    @Test
    void withoutTheAppsPropertiesFileFetchingNeedsPrivateAddressesRuledOnExplicitly(@TempDir Path dir)
            throws Exception {
        // an operator's own properties file replaces the app's, where private addresses are refused
        Path own = Files.writeString(dir.resolve("server.properties"), "spring.ai.jina-clip.backend=onnx\n"
                + "spring.ai.jina-clip.normalized=false\n");
        assertThatThrownBy(() -> start("spring.config.location=" + own, P + "fetch-remote-images=true",
                P + "image-hosts=images.example.com").close())
                .rootCause()
                .hasMessageStartingWith(P + "fetch-remote-images is on and " + P + "allow-private-image-addresses"
                        + " is not set");
    }

    @Test
    void privateAddressesOnlyWhenAllowedAndWithAWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext server = start(P + "fetch-remote-images=true",
                P + "image-hosts=10.0.0.7", P + "allow-private-image-addresses=true")) {
            assertThat(output.getOut()).containsPattern("WARN .*Image URLs are fetched from \\[10.0.0.7\\] including"
                    + " private and loopback addresses");
        }
    }
}
