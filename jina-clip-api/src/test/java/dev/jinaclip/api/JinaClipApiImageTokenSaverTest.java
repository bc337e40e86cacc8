package dev.jinaclip.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.api.internal.ImageTokenSaver;
import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipUsage;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.testing.FakeJinaApi;
import dev.jinaclip.testing.LogCapture;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image token saver against a stand-in API: what is uploaded, and the tokens it reports saved. */
class JinaClipApiImageTokenSaverTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** A phone photo's size: 18 × 14 tiles of 224 (jina-clip-v1), 8 × 6 of 512 (jina-clip-v2). */
    static byte[] phonePhoto;

    @StartStop
    final MockWebServer server = new MockWebServer();
    FakeJinaApi api = new FakeJinaApi(JinaClipModel.JINA_CLIP_V1.dimension());
    JinaClipApiClient client;

    @BeforeAll
    static void makePhoto() throws IOException {
        phonePhoto = jpeg(4032, 3024);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    JinaClipApiClient client(Consumer<JinaClipApiConfig.Builder> settings) {
        server.setDispatcher(api);
        JinaClipApiConfig.Builder builder = JinaClipApiConfig.builder()
                .apiKey("jina_test_key").baseUrl(server.url("/").toString());
        settings.accept(builder);
        client = new JinaClipApiClient(builder.build());
        return client;
    }

    @Test
    void should_upload_a_phone_photo_as_one_224_png_tile_and_report_252_tiles_less_one_saved() throws Exception {
        // given
        client(b -> b.imageTokenSaver(true));

        // when
        ClipEmbeddings result;
        try (LogCapture log = new LogCapture(ImageTokenSaver.class, Level.DEBUG)) {
            result = client.embed(List.of(ClipInput.imageBytes(phonePhoto)));

            // then: one debug line with the figures, without image data
            assertThat(log.messages()).containsExactly(
                    "Image token saver, inputs 0..0: 1 of 1 images sent as 224x224 PNG, 251000 image tokens saved");
        }
        byte[] uploaded = uploadedImages().get(0);
        assertThat(uploaded).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(uploaded));
        assertThat(image.getWidth()).isEqualTo(224);
        assertThat(image.getHeight()).isEqualTo(224);
        assertThat(uploaded).isEqualTo(ClipImagePreprocessor.create().cropPng(phonePhoto));
        assertThat(result.usage().imageTokensSaved())
                .isEqualTo((18 * 14 - 1) * JinaClipModel.JINA_CLIP_V1.tokensPerImageTile())
                .isEqualTo(251_000);
    }

    @Test
    void should_bring_images_to_512_for_jina_clip_v2() throws Exception {
        // given
        api = new FakeJinaApi(JinaClipModel.JINA_CLIP_V2.dimension());
        client(b -> b.model(JinaClipModel.JINA_CLIP_V2).imageTokenSaver(true));

        // when
        ClipEmbeddings result = client.embed(List.of(ClipInput.imageBytes(phonePhoto)));

        // then
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(uploadedImages().get(0)));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
        assertThat(result.usage().imageTokensSaved())
                .isEqualTo((8 * 6 - 1) * JinaClipModel.JINA_CLIP_V2.tokensPerImageTile());
    }

    @Test
    void should_replace_base64_and_file_images_and_pass_urls_small_and_unreadable_images_as_given(
            @TempDir Path dir) throws Exception {
        // given
        client(b -> b.imageTokenSaver(true));
        Path file = Files.write(dir.resolve("photo.jpg"), phonePhoto);
        byte[] oneTile = jpeg(224, 180);
        byte[] notAnImage = "not an image".getBytes();
        URI url = URI.create("https://img.example/red.png");

        // when
        ClipEmbeddings result = client.embed(List.of(
                ClipInput.imageBase64(Base64.getEncoder().encodeToString(phonePhoto)),
                ClipInput.text("a red car"),
                ClipInput.imageUrl(url),
                ClipInput.imageFile(file),
                ClipInput.imageBytes(oneTile),
                ClipInput.imageBytes(notAnImage)));

        // then
        JsonNode input = api.requests().get(0).get("input");
        byte[] saved = ClipImagePreprocessor.create().cropPng(phonePhoto);
        assertThat(decode(input.get(0))).isEqualTo(saved);
        assertThat(input.get(1).get("text").asText()).isEqualTo("a red car");
        assertThat(input.get(2).get("image").asText()).isEqualTo(url.toString());
        assertThat(decode(input.get(3))).isEqualTo(saved);
        assertThat(decode(input.get(4))).isEqualTo(oneTile);
        assertThat(decode(input.get(5))).isEqualTo(notAnImage);
        assertThat(result.vectors()).hasSize(6);
        assertThat(result.usage().imageTokensSaved())
                .isEqualTo(2 * (18 * 14 - 1) * JinaClipModel.JINA_CLIP_V1.tokensPerImageTile());
    }

    @Test
    void should_sum_the_tokens_saved_over_the_requests_of_a_call() throws Exception {
        // given
        client(b -> b.imageTokenSaver(true).maxBatchSize(1));

        // when
        ClipEmbeddings result = client.embed(List.of(ClipInput.imageBytes(phonePhoto), ClipInput.text("a red car"),
                ClipInput.imageBytes(phonePhoto)));

        // then
        assertThat(api.requests()).hasSize(3);
        assertThat(result.usage().imageTokensSaved())
                .isEqualTo(2 * (18 * 14 - 1) * JinaClipModel.JINA_CLIP_V1.tokensPerImageTile());
        assertThat(result.usage().metadata())
                .containsEntry(ClipUsage.IMAGE_TOKENS_SAVED, result.usage().imageTokensSaved());
    }

    @Test
    void should_upload_images_as_given_and_report_no_saving_when_off_by_default() throws Exception {
        // given: 3 × 2 tiles (the stand-in API's vectors of a phone photo's base64 take long)
        client(b -> { });
        byte[] photo = jpeg(500, 400);

        // when
        ClipEmbeddings result = client.embed(List.of(ClipInput.imageBytes(photo)));

        // then
        assertThat(client.config().imageTokenSaver()).isFalse();
        assertThat(uploadedImages().get(0)).isEqualTo(photo);
        assertThat(result.usage().imageTokensSaved()).isNull();
        assertThat(result.usage().metadata()).doesNotContainKey(ClipUsage.IMAGE_TOKENS_SAVED);
    }

    private List<byte[]> uploadedImages() {
        List<byte[]> images = new ArrayList<>();
        for (JsonNode request : api.requests()) {
            for (JsonNode item : request.get("input")) {
                if (item.has("image")) {
                    images.add(decode(item));
                }
            }
        }
        return images;
    }

    private static byte[] decode(JsonNode item) {
        return Base64.getDecoder().decode(item.get("image").asText());
    }

    /** A JPEG with structure everywhere (gradients and stripes), so that a wrong crop shows. */
    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / width;
                int g = y * 255 / height;
                int b = ((x / 37 + y / 23) & 1) * 255;
                pixels[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
