package dev.jinaclip.springai.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The auto-configuration on a class path that really lacks {@code jina-clip-onnx} and what it brings
 * ({@code jina-clip-image}, ONNX Runtime, DJL, TwelveMonkeys), as an application that depends on
 * {@code spring-ai-jina-clip} alone has it: the hosted backend starts and binds its properties, and
 * {@code backend=onnx} or {@code image-token-saver=true} fails naming the artifact it needs.
 * {@code FilteredClassLoader} hides classes from the conditions only; this loads nothing from those artifacts.
 */
class WithoutOnnxArtifactTest {

    private static final List<String> LOCAL_ONLY = List.of("jina-clip-onnx", "jina-clip-image", "onnxruntime",
            File.separator + "djl", "ai" + File.separator + "djl", "twelvemonkeys");

    @Test
    void should_start_the_hosted_backend() throws Exception {
        assertThat(runWithoutOnnx("spring.ai.jina-clip.api-key=" + TestSupport.API_KEY,
                "spring.ai.jina-clip.timeout=5s", "spring.ai.jina-clip.onnx.variant=fp16"))
                .isEqualTo("started: JinaClipApiClient, JinaClipEmbeddingModel, JinaClipDocumentEmbeddingModel");
    }

    @Test
    void should_fail_naming_the_artifact_when_backend_is_onnx() throws Exception {
        assertThat(runWithoutOnnx("spring.ai.jina-clip.backend=onnx"))
                .startsWith("failed: spring.ai.jina-clip.backend=onnx runs jina-clip in process, which needs the"
                        + " artifact dev.jinaclip:jina-clip-onnx")
                .contains("Add the dependency dev.jinaclip:jina-clip-onnx");
    }

    @Test
    void should_fail_naming_the_image_pipeline_artifact_when_the_image_token_saver_is_on() throws Exception {
        assertThat(runWithoutOnnx("spring.ai.jina-clip.api-key=" + TestSupport.API_KEY,
                "spring.ai.jina-clip.image-token-saver=true"))
                .startsWith("failed: jina-clip's hosted backend (spring.ai.jina-clip.backend=api, the default) cannot"
                        + " start with its settings: imageTokenSaver needs the artifact dev.jinaclip:jina-clip-image")
                .contains("Correct spring.ai.jina-clip.image-token-saver");
    }

    @Test
    void should_really_lack_the_local_backends_classes() {
        assertThatThrownBy(() -> Class.forName("dev.jinaclip.onnx.JinaClipOnnxEngine", false, classLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("ai.onnxruntime.OrtSession", false, classLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("dev.jinaclip.image.ClipImagePreprocessor", false, classLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static String runWithoutOnnx(String... properties) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = classLoader()) {
            Thread.currentThread().setContextClassLoader(loader);
            return (String) loader.loadClass(HostedOnlyApplication.class.getName())
                    .getMethod("run", String[].class).invoke(null, (Object) properties);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** This test's class path without the local backend's artifacts, under the platform class loader. */
    private static URLClassLoader classLoader() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (LOCAL_ONLY.stream().noneMatch(entry::contains)) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
