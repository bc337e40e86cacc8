package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as users start it, on the "semantic" ONNX fixture, on a random port with one API key: one Spring
 * context shared by every test class extending this one. Beside it, the same model in process, the reference
 * its vectors are checked against.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.ai.jina-clip.onnx.intra-op-threads=1",
        "jina-clip.server.api-keys=" + ServerTest.KEY,
        "jina-clip.server.max-body-size=1MB"})
abstract class ServerTest {

    static final String KEY = "test-key-1";
    static final Path MODEL = Fixtures.model("semantic");

    static JinaClipOnnxEngine inProcess;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.jina-clip.onnx.model-directory", MODEL::toString);
    }

    @BeforeAll
    static void loadInProcess() {
        inProcess = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(MODEL).intraOpThreads(1)
                .build());
    }

    @AfterAll
    static void closeInProcess() {
        inProcess.close();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Asserts each vector is the in-process engine's (normalised, as the engine's default) for the same input. */
    static void assertSameAsInProcess(List<ClipInput> inputs, List<float[]> served) {
        assertSameDirectionAsInProcess(inputs, served);
        for (int i = 0; i < served.size(); i++) {
            assertThat(Fixtures.norm(served.get(i))).as("norm of %d", i).isCloseTo(1.0, Offset.offset(1e-5));
        }
    }

    /** Asserts each vector points where the in-process engine's for the same input does. */
    static void assertSameDirectionAsInProcess(List<ClipInput> inputs, List<float[]> served) {
        List<float[]> expected = inProcess.embed(inputs).vectors();
        assertThat(served).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(Fixtures.cosine(served.get(i), expected.get(i))).as("input %d", i)
                    .isGreaterThanOrEqualTo(0.99999);
        }
    }
}
