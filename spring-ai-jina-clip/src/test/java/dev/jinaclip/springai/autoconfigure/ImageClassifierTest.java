package dev.jinaclip.springai.autoconfigure;

import static dev.jinaclip.springai.autoconfigure.TestSupport.API_KEY;
import static dev.jinaclip.springai.autoconfigure.TestSupport.runner;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.classification.Classification;
import dev.jinaclip.springai.JinaClipImageClassifier;
import dev.jinaclip.testing.FakeJinaApi;
import dev.jinaclip.testing.Fixtures;
import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.content.Media;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.MimeTypeUtils;

/** The classifier an application declares over the auto-configured engine, on either backend. */
class ImageClassifierTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    /** As the docs show it: the application's own bean, with its own labels. */
    @Configuration(proxyBeanMethods = false)
    static class ColourClassifier {
        @Bean
        JinaClipImageClassifier colours(ClipEngine engine) {
            return JinaClipImageClassifier.builder(engine).labels("red", "green", "blue", "yellow").batchSize(2)
                    .build();
        }
    }

    static Media png(Color colour) {
        return Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(solidPng(colour, 40, 40)).build();
    }

    @Test
    void should_classify_media_and_resources_on_the_local_backend() throws Exception {
        Path yellow = Files.write(dir.resolve("yellow.png"), solidPng(Color.YELLOW, 90, 30));

        runner().withUserConfiguration(ColourClassifier.class)
                .withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.intra-op-threads=1",
                        "spring.ai.jina-clip.onnx.model-directory=" + Fixtures.model("semantic"))
                .run(context -> {
                    JinaClipImageClassifier classifier = context.getBean(JinaClipImageClassifier.class);

                    List<Classification> media = classifier.classifyAll(List.of(png(Color.RED), png(Color.BLUE),
                            Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                                    .data(new FileSystemResource(yellow)).build()));
                    Classification file = classifier.classify(new FileSystemResource(yellow));
                    Classification bytes = classifier.classify(new ByteArrayResource(solidPng(Color.GREEN, 8, 8)));

                    assertThat(media).extracting(c -> c.best().label()).containsExactly("red", "blue", "yellow");
                    assertThat(file.best().label()).isEqualTo("yellow");
                    assertThat(bytes.best().label()).isEqualTo("green");
                    assertThat(bytes.best().probability()).isGreaterThan(0.99);
                });
    }

    @Test
    void should_classify_on_the_hosted_backend() {
        server.setDispatcher(new FakeJinaApi(768));

        runner().withUserConfiguration(ColourClassifier.class)
                .withPropertyValues("spring.ai.jina-clip.api-key=" + API_KEY,
                        "spring.ai.jina-clip.base-url=" + server.url("/"))
                .run(context -> {
                    Classification result = context.getBean(JinaClipImageClassifier.class).classify(
                            Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG)
                                    .data(URI.create("https://img.example/blue.png").toURL()).build());

                    assertThat(result.best().label()).isEqualTo("blue");
                });
    }

    @Test
    void should_throw_spring_ai_exceptions_naming_positions_in_the_callers_list() {
        runner().withUserConfiguration(ColourClassifier.class)
                .withPropertyValues("spring.ai.jina-clip.backend=onnx", "spring.ai.jina-clip.onnx.intra-op-threads=1",
                        "spring.ai.jina-clip.onnx.model-directory=" + Fixtures.model("semantic"))
                .run(context -> {
                    JinaClipImageClassifier classifier = context.getBean(JinaClipImageClassifier.class);
                    Media notAnImage = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[] {1, 2, 3})
                            .build();

                    assertThatThrownBy(() -> classifier.classifyAll(List.of(png(Color.RED), png(Color.BLUE),
                            notAnImage))).isInstanceOf(NonTransientAiException.class)
                            .hasMessageStartingWith("Input 2: ");
                    assertThatThrownBy(() -> classifier.classifyAll(List.of(png(Color.RED), Media.builder()
                            .mimeType(MimeTypeUtils.TEXT_PLAIN).data("red").build())))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Input 1: media type");
                    assertThatThrownBy(() -> classifier.classify(new FileSystemResource(dir.resolve("missing.png"))))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Input 0: ");
                });
    }
}
