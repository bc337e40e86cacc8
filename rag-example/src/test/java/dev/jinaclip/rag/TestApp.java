package dev.jinaclip.rag;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app started as {@code java -jar} starts it, on a thread of its own, so that a test can talk to it while its
 * start-up indexing runs (a {@code @SpringBootTest} context is only handed over once that has finished). Its
 * embedding model is a {@link GatedModel} over the "semantic" ONNX fixture.
 */
public final class TestApp implements AutoCloseable {

    private static final long START_SECONDS = 120;

    private final Thread thread;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<ConfigurableApplicationContext> started = new CompletableFuture<>();
    private final AtomicReference<GatedModel> model = new AtomicReference<>();

    private TestApp(List<String> properties, boolean holdStartUpAfterFirstCall) {
        thread = new Thread(() -> run(properties, holdStartUpAfterFirstCall), "test-app-start-up");
        thread.setDaemon(true);
    }

    /**
     * Starts the app on {@code corpus} and {@code data}, on a free port.
     *
     * @param holdStartUpAfterFirstCall whether the model holds the start-up indexing after its first call, until
     *     {@code model().release()}
     * @param properties more Spring Boot properties, {@code name=value}
     */
    public static TestApp start(Path corpus, Path data, boolean holdStartUpAfterFirstCall, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "spring.ai.jina-clip.backend=onnx",
                "spring.ai.jina-clip.onnx.intra-op-threads=1", "spring.ai.jina-clip.onnx.model-directory=" + AppTest.MODEL,
                "rag.corpus-dir=" + corpus, "rag.data-dir=" + data));
        all.addAll(List.of(properties));
        TestApp app = new TestApp(all, holdStartUpAfterFirstCall);
        app.thread.start();
        return app;
    }

    private void run(List<String> properties, boolean holdStartUpAfterFirstCall) {
        BeanPostProcessor gate = new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof MultimodalEmbeddingModel real)) {
                    return bean;
                }
                GatedModel gated = new GatedModel(real);
                if (holdStartUpAfterFirstCall) {
                    gated.holdAfter(thread, 1);
                }
                model.set(gated);
                return gated;
            }
        };
        try {
            // as command-line arguments, which override application.properties
            String[] arguments = properties.stream().map(property -> "--" + property).toArray(String[]::new);
            started.complete(new SpringApplicationBuilder(RagExampleApplication.class)
                    .initializers(context -> context.getBeanFactory().addBeanPostProcessor(gate))
                    .listeners((ApplicationListener<WebServerInitializedEvent>) event ->
                            port.complete(event.getWebServer().getPort()))
                    .run(arguments));
        } catch (RuntimeException e) {
            port.completeExceptionally(e);
            started.completeExceptionally(e);
        }
    }

    /** The URL of {@code path} on the running app, once its web server answers. */
    public String url(String path) {
        return "http://localhost:" + port.orTimeout(START_SECONDS, TimeUnit.SECONDS).join() + path;
    }

    /** The app's model, once the context has created it. */
    public GatedModel model() {
        url("/"); // the web server starts after the beans are created
        return model.get();
    }

    /** Waits until the start-up, indexing included, has finished. */
    public void awaitStarted() {
        started.orTimeout(START_SECONDS, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        GatedModel gated = model.get();
        if (gated != null) {
            gated.release();
        }
        started.orTimeout(START_SECONDS, TimeUnit.SECONDS).join().close();
    }
}
