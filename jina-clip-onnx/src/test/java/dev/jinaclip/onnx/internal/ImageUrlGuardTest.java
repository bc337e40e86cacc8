package dev.jinaclip.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.RemoteImageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import javax.net.SocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Dns;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The host settings of image downloads, against a local server: names are resolved by a table, and one public
 * address of that table (TEST-NET-3) is connected to on the local server, so that a "public" host can redirect.
 */
class ImageUrlGuardTest {

    static final byte[] IMAGE = {1, 2, 3};
    static final String PUBLIC_ADDRESS = "203.0.113.10";

    @StartStop
    final MockWebServer server = new MockWebServer();

    RemoteImages images;

    @AfterEach
    void close() {
        if (images != null) {
            images.close();
        }
    }

    @Test
    void should_download_from_a_public_host_on_the_list() {
        serve();
        images = images(List.of("*.example.com"), false);

        assertThat(fetch("http://images.example.com:" + server.getPort() + "/photo.png", 0)).containsExactly(IMAGE);
    }

    @Test
    void should_refuse_a_host_off_the_list() {
        serve();
        images = images(List.of("images.example.com"), true);
        String url = "http://127.0.0.1:" + server.getPort() + "/photo.png";

        assertThatThrownBy(() -> fetch(url, 3))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 3: image " + url + " refused: host 127.0.0.1 is not in imageHosts"
                        + " [images.example.com]")
                .satisfies(e -> assertThat(((JinaClipException) e).isRetryable()).isFalse())
                .satisfies(e -> assertThat(((JinaClipException) e).kind()).isEqualTo(JinaClipException.Kind.REMOTE_IMAGE));
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | host 127.0.0.1 is a loopback address",
            "[::ffff:127.0.0.1] | host 127.0.0.1 is a loopback address",
            "[::127.0.0.1] | host ::7f00:1 is a loopback address",
            "[::1] | host ::1 is a loopback address",
            "169.254.169.254 | host 169.254.169.254 is a link-local address",
            "[fe80::1] | host fe80::1 is a link-local address",
            "10.1.2.3 | host 10.1.2.3 is a private address",
            "192.168.0.1 | host 192.168.0.1 is a private address",
            "100.64.0.1 | host 100.64.0.1 is a carrier-grade NAT address",
            "0.0.0.0 | host 0.0.0.0 is an any-local address",
            "[fd00::1] | host fd00::1 is a unique-local address",
            "224.0.0.1 | host 224.0.0.1 is a multicast address"})
    void should_refuse_a_private_ip_literal_before_connecting(String host, String refusal) {
        serve();
        images = images(List.of(), false);
        String url = "http://" + host + ":" + server.getPort() + "/photo.png";

        assertThatThrownBy(() -> fetch(url, 1))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 1: image " + url + " refused: " + refusal + ", and allowPrivateImageAddresses is off");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_refuse_a_name_that_resolves_to_a_private_address() {
        images = images(List.of("*.example.com"), false);
        String url = "http://intranet.example.com/photo.png";

        assertThatThrownBy(() -> fetch(url, 2))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 2: image " + url + " refused: intranet.example.com resolves to a private"
                        + " address 10.0.0.5, and allowPrivateImageAddresses is off")
                .satisfies(e -> assertThat(((JinaClipException) e).isRetryable()).isFalse());
    }

    @Test
    void should_refuse_a_redirect_to_a_loopback_address() {
        serve();
        images = images(List.of(), false);
        String target = "http://127.0.0.1:" + server.getPort() + "/photo.png";
        String url = "http://images.example.com:" + server.getPort() + "/redirect?to=" + target;

        assertThatThrownBy(() -> fetch(url, 0))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 0: image " + url + " refused: redirected to " + target + ", where host 127.0.0.1"
                        + " is a loopback address, and allowPrivateImageAddresses is off");
        assertThat(server.getRequestCount()).as("the redirect only").isEqualTo(1);
    }

    @Test
    void should_refuse_a_redirect_to_a_host_off_the_list() {
        serve();
        images = images(List.of("images.example.com"), true);
        String target = "http://elsewhere.test:" + server.getPort() + "/photo.png";
        String url = "http://images.example.com:" + server.getPort() + "/redirect?to=" + target;

        assertThatThrownBy(() -> fetch(url, 0))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 0: image " + url + " refused: redirected to " + target + ", where host"
                        + " elsewhere.test is not in imageHosts [images.example.com]");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_follow_a_redirect_within_the_rules() {
        serve();
        images = images(List.of("*.example.com"), false);
        String target = "http://cdn.example.com:" + server.getPort() + "/photo.png";

        assertThat(fetch("http://images.example.com:" + server.getPort() + "/redirect?to=" + target, 0))
                .containsExactly(IMAGE);
    }

    @Test
    void should_download_from_loopback_by_default() {
        serve();
        images = new RemoteImages(JinaClipOnnxConfig.builder().build());

        assertThat(fetch("http://127.0.0.1:" + server.getPort() + "/photo.png", 0)).containsExactly(IMAGE);
    }

    @Test
    void should_refuse_an_allow_list_entry_that_is_not_a_host() {
        assertThatThrownBy(() -> JinaClipOnnxConfig.builder().imageHosts(List.of("https://images.example.com"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageHosts takes host names")
                .hasMessageContaining("'https://images.example.com'");
    }

    void serve() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String to = request.getUrl().queryParameter("to");
                if (to != null) {
                    return new MockResponse.Builder().code(302).addHeader("Location", to).build();
                }
                return new MockResponse.Builder().addHeader("Content-Type", "image/png")
                        .body(new Buffer().write(IMAGE)).build();
            }
        });
    }

    RemoteImages images(List<String> hosts, boolean allowPrivate) {
        JinaClipOnnxConfig config = JinaClipOnnxConfig.builder().imageHosts(hosts)
                .allowPrivateImageAddresses(allowPrivate).imageConnectTimeout(Duration.ofSeconds(1)).build();
        return new RemoteImages(config, table(Map.of("images.example.com", PUBLIC_ADDRESS,
                "cdn.example.com", PUBLIC_ADDRESS, "intranet.example.com", "10.0.0.5")), new LocalServerSockets());
    }

    byte[] fetch(String url, int position) {
        try {
            return images.fetch(url, position).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    static Dns table(Map<String, String> addresses) {
        return name -> {
            String address = addresses.get(name);
            if (address == null) {
                throw new UnknownHostException(name + " is not in the test's table");
            }
            return List.of(InetAddress.getByName(address));
        };
    }

    /** Connects to {@link #PUBLIC_ADDRESS} on the local server; to any other address as asked. */
    final class LocalServerSockets extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    InetSocketAddress target = (InetSocketAddress) endpoint;
                    super.connect(target.getAddress().getHostAddress().equals(PUBLIC_ADDRESS)
                            ? new InetSocketAddress(server.getHostName(), server.getPort()) : endpoint, timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
        }
    }
}
