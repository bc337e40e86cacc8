package dev.jinaclip.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.RemoteImageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The host settings of image downloads, against a local server: names are resolved by a table, and connections to
 * one public address of that table (TEST-NET-3) go to the local server, so that a "public" host can redirect.
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
            "224.0.0.1 | host 224.0.0.1 is a multicast address",
            // the JDK's other IPv4 forms, which OkHttp connects to without a lookup
            "127.1 | host 127.1 is a loopback address",
            "2130706433 | host 2130706433 is a loopback address",
            "0 | host 0 is an any-local address",
            "0127.0.0.1 | host 0127.0.0.1 is a loopback address",
            "2852039166 | host 2852039166 is a link-local address",
            "192.0.0.8 | host 192.0.0.8 is a protocol-assignment address",
            "198.18.0.1 | host 198.18.0.1 is a benchmarking address",
            "[2002:7f00:1::] | host 2002:7f00:1:: is a loopback address",
            "[64:ff9b:1::a00:1] | host 64:ff9b:1::a00:1 is a local NAT64 address"})
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
    void should_refuse_a_literal_that_the_jdk_would_look_up() {
        images = images(List.of(), false);
        String url = "http://1.2.3.4.5/photo.png";

        assertThatThrownBy(() -> fetch(url, 1))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 1: image " + url + " refused: host 1.2.3.4.5 is not a valid IP address");
    }

    @Test
    void should_refuse_a_name_that_resolves_to_a_private_address() {
        images = images(List.of("*.example.com"), false);
        String url = "http://intranet.example.com/photo.png";

        assertThatThrownBy(() -> fetch(url, 2))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 2: image " + url + " refused: intranet.example.com resolves to a private"
                        + " address, and allowPrivateImageAddresses is off")
                .satisfies(e -> assertThat(((JinaClipException) e).isRetryable()).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1", "2130706433"})
    void should_refuse_a_redirect_to_a_loopback_address(String host) {
        serve();
        images = images(List.of(), false);
        String target = "http://" + host + ":" + server.getPort() + "/photo.png";
        String url = "http://images.example.com:" + server.getPort() + "/redirect?to=" + target;

        assertThatThrownBy(() -> fetch(url, 0))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 0: image " + redirect() + " refused: redirected to " + target + ", where host "
                        + host + " is a loopback address, and allowPrivateImageAddresses is off");
        assertThat(server.getRequestCount()).as("the redirect only").isEqualTo(1);
    }

    @Test
    void should_name_an_image_url_without_its_user_info_or_query() {
        images = images(List.of("images.example.com"), true);
        String url = "https://user:secret@evil.test/photo.png?X-Amz-Signature=abc123#top";

        assertThatThrownBy(() -> fetch(url, 0))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 0: image https://evil.test/photo.png?… refused: host evil.test is not in imageHosts"
                        + " [images.example.com]");
    }

    @Test
    void should_refuse_a_connection_to_a_private_address_whatever_the_url_checks_made_of_it() throws IOException {
        try (Socket socket = new GuardedSockets(false, address -> address).createSocket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 1000))
                    .isInstanceOf(java.net.ConnectException.class)
                    .hasMessage("the connection would reach a loopback address, and allowPrivateImageAddresses is off");
            assertThat(socket.isConnected()).isFalse();
        }
        try (Socket socket = new GuardedSockets(true, address -> address).createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 1000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void should_ignore_the_jvm_proxy_when_private_addresses_are_refused() {
        serve();
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(PUBLIC_ADDRESS, 1)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
        try {
            images = images(List.of(), false);

            assertThat(fetch("http://images.example.com:" + server.getPort() + "/photo.png", 0))
                    .containsExactly(IMAGE);
            assertThat(asked).isEmpty();
        } finally {
            ProxySelector.setDefault(previous);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "images.example.com., images.example.com",
            "images.example.com, images.example.com.",
            "images.example.com., *.example.com",
            "bücher.example, bücher.example",
            "xn--bcher-kva.example, bücher.example",
            "bücher.example, xn--bcher-kva.example",
            "cdn.bücher.example, *.BÜCHER.example"})
    void should_match_hosts_without_their_trailing_dot_and_in_ascii(String host, String entry) {
        serve();
        images = images(List.of(entry), false);

        assertThat(fetch("http://" + host + ":" + server.getPort() + "/photo.png", 0)).containsExactly(IMAGE);
    }

    @Test
    void should_refuse_a_redirect_to_a_host_off_the_list() {
        serve();
        images = images(List.of("images.example.com"), true);
        String target = "http://elsewhere.test:" + server.getPort() + "/photo.png";
        String url = "http://images.example.com:" + server.getPort() + "/redirect?to=" + target;

        assertThatThrownBy(() -> fetch(url, 0))
                .isInstanceOf(RemoteImageException.class)
                .hasMessage("Input 0: image " + redirect() + " refused: redirected to " + target + ", where host"
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

    /** How messages show the test's redirecting URLs: without their query. */
    String redirect() {
        return "http://images.example.com:" + server.getPort() + "/redirect?…";
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
                "images.example.com.", PUBLIC_ADDRESS, "cdn.example.com", PUBLIC_ADDRESS,
                "xn--bcher-kva.example", PUBLIC_ADDRESS, "cdn.xn--bcher-kva.example", PUBLIC_ADDRESS,
                "intranet.example.com", "10.0.0.5")), this::localServer);
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

    /** Connections to {@link #PUBLIC_ADDRESS} go to the local server, any other as asked. */
    InetSocketAddress localServer(InetSocketAddress address) {
        return address.getAddress().getHostAddress().equals(PUBLIC_ADDRESS)
                ? new InetSocketAddress(server.getHostName(), server.getPort()) : address;
    }
}
