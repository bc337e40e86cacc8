package dev.jinaclip.rag;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as users start it, on the local backend with the "semantic" ONNX fixture and the {@link TestCorpus},
 * on a random port: one Spring context, shared by every test class that extends this one (same configuration,
 * so Spring's test context cache starts it once). The corpus is indexed at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.ai.jina-clip.backend=onnx",
        "spring.ai.jina-clip.onnx.intra-op-threads=1",
        "rag.upload-max-size=64KB",
        "spring.servlet.multipart.max-file-size=256KB",
        "spring.servlet.multipart.max-request-size=256KB"})
@AutoConfigureMockMvc
public abstract class AppTest {

    /** The folders of the shared app: model, corpus and data, under target/. */
    protected static final Path ROOT = TestCorpus.appRoot("app-");
    protected static final Path MODEL = TestCorpus.semanticModel(ROOT.resolve("model"));
    protected static final Path CORPUS = TestCorpus.write(ROOT.resolve("corpus"));
    protected static final Path DATA = ROOT.resolve("data");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.jina-clip.onnx.model-directory", MODEL::toString);
        registry.add("rag.corpus-dir", CORPUS::toString);
        registry.add("rag.data-dir", DATA::toString);
    }
}
