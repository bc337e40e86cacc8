package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jinaclip.api.JinaApiException;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.langchain4j.JinaClipApiEmbeddingModel;
import dev.jinaclip.testing.Fixtures;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Images by URL, on a server that fetches them from an image host on 127.0.0.1 (allowed explicitly, private
 * address included), and the image limits, checked before a request is queued.
 */
@TestPropertySource(properties = {
        "spring.ai.jina-clip.onnx.fetch-remote-images=true",
        "spring.ai.jina-clip.onnx.image-hosts=127.0.0.1",
        "spring.ai.jina-clip.onnx.allow-private-image-addresses=true",
        "spring.ai.jina-clip.onnx.max-image-bytes=100KB",
        "spring.ai.jina-clip.onnx.max-image-pixels=250000"})
class ImageContractTest extends ServerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] RED = Fixtures.solidPng(Color.RED, 300, 200);
    static final byte[] BLUE = Fixtures.solidPng(Color.BLUE, 64, 64);
    static final byte[] GREEN = Fixtures.solidPng(Color.GREEN, 120, 90);
    static final byte[] WIDE = Fixtures.solidPng(Color.RED, 600, 500);
    /** 90 KB, within max-image-bytes; twelve of them are more than the 1 MB body limit. */
    static final byte[] BLOB = new byte[90 * 1024];

    static HttpServer images;

    @BeforeAll
    static void serveImages() throws IOException {
        images = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        images.createContext("/red.png", exchange -> answer(exchange, 200, RED));
        images.createContext("/green.png", exchange -> answer(exchange, 200, GREEN));
        images.createContext("/wide.png", exchange -> answer(exchange, 200, WIDE));
        images.createContext("/blob", exchange -> answer(exchange, 200, BLOB));
        images.createContext("/slow", exchange -> {
            sleep(3000);
            answer(exchange, 200, RED);
        });
        images.createContext("/broken", exchange -> answer(exchange, 503, new byte[0]));
        images.setExecutor(Executors.newCachedThreadPool());
        images.start();
    }

    @AfterAll
    static void stopImages() {
        images.stop(0);
    }

    static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "image/png");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String imageUrl(String path) {
        return "http://127.0.0.1:" + images.getAddress().getPort() + path;
    }

    JinaClipApiEmbeddingModel model(String baseUrl) {
        return JinaClipApiEmbeddingModel.builder().baseUrl(baseUrl).apiKey(KEY).model(JinaClipModel.JINA_CLIP_V1)
                .maxRetries(0).build();
    }

    static EmbeddingRequest mixed() {
        return EmbeddingRequest.builder().inputs(List.of(
                EmbeddingInput.from(TextContent.from("a red square")),
                EmbeddingInput.from(ImageContent.from(Image.builder().url(URI.create(imageUrl("/red.png"))).build())),
                EmbeddingInput.from(ImageContent.from(Image.builder()
                        .base64Data(Base64.getEncoder().encodeToString(BLUE)).mimeType("image/png").build())),
                EmbeddingInput.from(ImageContent.from(Image.builder().url(URI.create(imageUrl("/green.png")))
                        .build())),
                EmbeddingInput.from(TextContent.from("a green field")))).build();
    }

    @Test
    void imagesByUrlMixedWithTextsAndBase64GetTheInProcessVectors() {
        List<Embedding> served;
        try (JinaClipApiEmbeddingModel model = model(baseUrl())) {
            served = model.embed(mixed()).embeddings();
        }
        assertSameAsInProcess(List.of(ClipInput.text("a red square"), ClipInput.imageBytes(RED),
                ClipInput.imageBytes(BLUE), ClipInput.imageBytes(GREEN), ClipInput.text("a green field")),
                served.stream().map(Embedding::vector).toList());
    }

    @Test
    void theDefaultServerRefusesTheSameUrls() {
        try (ConfigurableApplicationContext defaults = StartupTest.start("jina-clip.server.api-keys=" + KEY);
                JinaClipApiEmbeddingModel model = model("http://127.0.0.1:"
                        + defaults.getEnvironment().getProperty("local.server.port"))) {
            assertThatThrownBy(() -> model.embed(mixed()))
                    .hasMessageContaining("Input 1: this server does not fetch image URLs")
                    .hasMessageContaining("fetch-remote-images");
        }
    }

    @Test
    void aHostOffTheListIs400NamingTheInputAndTheSetting() throws Exception {
        String url = "http://localhost:" + images.getAddress().getPort() + "/red.png";
        JsonNode answer = post("[\"red\", {\"image\": \"" + url + "\"}]", 400);
        assertThat(answer.get("code").asText()).isEqualTo("INPUT_REMOTE_IMAGE");
        assertThat(answer.get("detail").asText()).isEqualTo("Input 1: image " + url
                + " refused: host localhost is not in imageHosts [127.0.0.1]");
    }

    @Test
    void anImageHostsFailureIs502AndOurClientSeesItRetryable() {
        try (JinaClipApiClient client = new JinaClipApiClient(JinaClipApiConfig.builder().baseUrl(baseUrl())
                .apiKey(KEY).model(JinaClipModel.JINA_CLIP_V1).maxRetries(0).build())) {
            assertThatThrownBy(() -> client.embed(List.of(ClipInput.imageUrl(URI.create(imageUrl("/broken"))))))
                    .isInstanceOf(JinaApiException.class)
                    .satisfies(e -> assertThat(((JinaApiException) e).statusCode()).isEqualTo(502))
                    .satisfies(e -> assertThat(((JinaApiException) e).isRetryable()).isTrue())
                    .hasMessageContaining("Input 0: downloading image " + imageUrl("/broken")
                            + " failed with HTTP 503");
        }
    }

    @Test
    void usageCountsAnImageByUrlAsTheSameImageInBase64() throws Exception {
        JsonNode byUrl = post("[{\"image\": \"" + imageUrl("/red.png") + "\"}]", 200);
        JsonNode inline = post("[{\"image\": \"" + Base64.getEncoder().encodeToString(RED) + "\"}]", 200);
        // 300x200 is 2 tiles of 224x224: 2,000 tokens
        assertThat(byUrl.get("usage")).isEqualTo(inline.get("usage"));
        assertThat(byUrl.at("/usage/image_tokens").asInt()).isEqualTo(2000);
    }

    @Test
    void aDownloadedImageOverMaxImagePixelsIs413() throws Exception {
        JsonNode answer = post("[\"red\", {\"image\": \"" + imageUrl("/wide.png") + "\"}]", 413);
        assertThat(answer.get("code").asText()).isEqualTo("INPUT_IMAGE_TOO_LARGE");
        assertThat(answer.get("detail").asText()).isEqualTo("Input 1: the image is 600×500 = 300000 pixels, more"
                + " than the 250000 this server accepts (spring.ai.jina-clip.onnx.max-image-pixels)");
    }

    @Test
    void downloadsAddingUpToMoreThanTheBodyLimitAre413() throws Exception {
        String urls = String.join(", ", Collections.nCopies(12, "{\"image\": \"" + imageUrl("/blob") + "\"}"));
        JsonNode answer = post("[" + urls + "]", 413);
        assertThat(answer.get("code").asText()).isEqualTo("INPUT_IMAGE_TOO_LARGE");
        assertThat(answer.get("detail").asText()).startsWith("Input ")
                .endsWith(": the images given by URL add up to more than 1048576 bytes with this one"
                        + " (jina-clip.server.max-body-size)");
    }

    @Test
    void theFirstDownloadToFailAnswersWithoutWaitingForSlowerOnes() throws Exception {
        String offTheList = "http://localhost:" + images.getAddress().getPort() + "/red.png";
        long started = System.nanoTime();
        JsonNode answer = post("[{\"image\": \"" + imageUrl("/slow") + "\"}, {\"image\": \"" + offTheList
                + "\"}]", 400);
        assertThat(answer.get("detail").asText()).startsWith("Input 1: image ");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2500);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anImageOverMaxImageBytesIs413BeforeItIsDecoded() throws Exception {
        byte[] large = new byte[150 * 1024];
        new Random(7).nextBytes(large);
        JsonNode answer = post("[\"red\", {\"image\": \"" + Base64.getEncoder().encodeToString(large) + "\"}]", 413);
        assertThat(answer.get("code").asText()).isEqualTo("INPUT_IMAGE_TOO_LARGE");
        assertThat(answer.get("detail").asText()).isEqualTo("Input 1: the image is 153600 bytes, more than the"
                + " 102400 this server accepts (spring.ai.jina-clip.onnx.max-image-bytes)");
    }

    @Test
    void anImageOverMaxImagePixelsIs413() throws Exception {
        String wide = Base64.getMimeEncoder().encodeToString(Fixtures.solidPng(Color.RED, 600, 500));
        JsonNode answer = post("[{\"image\": \"data:image/png;base64," + wide.replace("\r\n", "\\r\\n")
                + "\"}, \"red\"]", 413);
        assertThat(answer.get("code").asText()).isEqualTo("INPUT_IMAGE_TOO_LARGE");
        assertThat(answer.get("detail").asText()).isEqualTo("Input 0: the image is 600×500 = 300000 pixels, more"
                + " than the 250000 this server accepts (spring.ai.jina-clip.onnx.max-image-pixels)");
    }

    @Test
    void anImageWithinTheLimitsIsEmbeddedFromItsBytes() throws Exception {
        String wrapped = Base64.getMimeEncoder().encodeToString(RED).replace("\r\n", "\\r\\n");
        JsonNode answer = post("[{\"image\": \"data:image/png;base64," + wrapped + "\"}]", 200);
        assertThat(answer.at("/usage/total_tokens").asLong()).isEqualTo(2000);
    }

    JsonNode post(String inputs, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/v1/embeddings")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"jina-clip-v1\",\"input\":" + inputs + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
