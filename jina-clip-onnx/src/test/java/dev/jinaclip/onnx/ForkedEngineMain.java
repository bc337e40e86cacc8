package dev.jinaclip.onnx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.onnx.internal.ClipTokenizer;
import dev.jinaclip.onnx.internal.OrtRuntime;
import dev.jinaclip.testing.Fixtures;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs in a JVM of its own, started by {@link ForkedJvmTest}: what it checks (a long command line, a shutdown
 * while the model runs) can crash the JVM, so it must not run inside the test JVM.
 */
public final class ForkedEngineMain {

    // made once: ImageIO cannot encode while the JVM shuts down
    private static final List<ClipInput> INPUTS = List.of(ClipInput.text("a red square"),
            ClipInput.imageBytes(Fixtures.solidPng(Color.RED, 64, 48)));

    private ForkedEngineMain() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[1]);
        switch (args[0]) {
            case "embed" -> {
                try (JinaClipOnnxEngine engine = load(model)) {
                    List<float[]> vectors = embed(engine);
                    System.out.println("embedded " + vectors.size() + " vectors of " + vectors.get(0).length);
                }
            }
            case "embed-during-shutdown" -> {
                JinaClipOnnxEngine engine = load(model);
                embed(engine);
                // a hook of the application that still uses the model, as a web server finishing a request does
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    awaitShutdownBegun();
                    try {
                        embed(engine);
                        System.out.println("hook: embedded");
                    } catch (RuntimeException e) {
                        System.out.println("hook: " + (e instanceof JinaClipException clip
                                ? "JinaClipException " + clip.kind() : e.getClass().getName()) + ": " + e.getMessage());
                    }
                }));
                System.out.println("ready");
                System.exit(0);
            }
            case "embed-while-exiting" -> {
                JinaClipOnnxEngine engine = load(model);
                int callers = 4;
                AtomicInteger stopped = new AtomicInteger();
                CountDownLatch done = new CountDownLatch(callers);
                for (int i = 0; i < callers; i++) {
                    Thread caller = new Thread(() -> {
                        try {
                            while (true) {
                                embed(engine);
                            }
                        } catch (JinaClipException e) {
                            if (e.kind() == JinaClipException.Kind.CANCELLED
                                    && e.getMessage().startsWith("The JVM is shutting down")) {
                                stopped.incrementAndGet();
                            } else {
                                e.printStackTrace(System.out);
                            }
                        } finally {
                            done.countDown();
                        }
                    });
                    caller.setDaemon(true);
                    caller.start();
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        done.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.out.println("callers stopped: " + stopped.get() + " of " + callers
                            + " with the shutdown error");
                }));
                sleep(500);
                System.out.println("ready");
                System.exit(0);
            }
            case "load-while-exiting" -> {
                // a SIGTERM while an application starts: sessions are being created when the JVM exits
                AtomicInteger loads = new AtomicInteger();
                AtomicInteger refused = new AtomicInteger();
                Thread loader = new Thread(() -> {
                    try {
                        while (true) {
                            load(model).close();
                            loads.incrementAndGet();
                        }
                    } catch (JinaClipException e) {
                        if (e.kind() == JinaClipException.Kind.CANCELLED) {
                            refused.incrementAndGet();
                        } else {
                            e.printStackTrace(System.out);
                        }
                    }
                });
                loader.setDaemon(true);
                loader.start();
                while (loads.get() < 3) {
                    sleep(5);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        loader.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.out.println("loader stopped: " + (refused.get() == 1 ? "with the shutdown error"
                            : loader.isAlive() ? "no, still loading" : "without the shutdown error"));
                }));
                System.out.println("ready");
                System.exit(0);
            }
            case "tokenize" -> {
                System.out.println("CUDA runtime: " + cudaDeviceCountStatus());
                try (ClipTokenizer tokenizer = new ClipTokenizer(model.resolve("tokenizer.json"), 512, false)) {
                    System.out.println("tokenized into " + tokenizer.encode("a red square", 0).length + " ids");
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** What {@code cudaGetDeviceCount} returns (0: a GPU answered; 35: CUDA libraries, but no driver), or absent. */
    private static String cudaDeviceCountStatus() {
        try {
            CudaRuntime cuda = Native.load("cudart", CudaRuntime.class);
            return "status " + cuda.cudaGetDeviceCount(new int[1]);
        } catch (UnsatisfiedLinkError e) {
            return "absent";
        }
    }

    /** The one call of the CUDA runtime that DJL's probe makes. */
    public interface CudaRuntime extends Library {
        int cudaGetDeviceCount(int[] count);
    }

    private static JinaClipOnnxEngine load(Path model) {
        return JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(model).intraOpThreads(Integer.getInteger("threads", 1)).build());
    }

    private static List<float[]> embed(JinaClipOnnxEngine engine) {
        return engine.embed(INPUTS).vectors();
    }

    /** Waits for the engine's own shutdown hook to have begun, as a slower application hook would find it. */
    private static void awaitShutdownBegun() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!OrtRuntime.isShuttingDown() && System.nanoTime() < deadline) {
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
