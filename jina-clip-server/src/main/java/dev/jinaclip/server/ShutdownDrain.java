package dev.jinaclip.server;

import dev.jinaclip.onnx.internal.OrtRuntime;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the engine running on SIGTERM until the requests the server admitted are answered. The JVM runs its
 * shutdown hooks at once: Spring's closes the context (the web server drains, then the batcher and the engine are
 * closed), ONNX Runtime's, through {@link OrtRuntime}, stops every engine. Registered with the latter, this waits
 * for the former to have closed the batcher: the batcher depends on this bean, so it is destroyed first, and this
 * bean's {@link #close()} lets ONNX Runtime's hook go on.
 */
final class ShutdownDrain implements SmartLifecycle, OrtRuntime.Participant, AutoCloseable {

    // stopped after the web server's graceful drain and its stop (1024 below the drain's phase in Boot 4.0)
    private static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;

    private final CountDownLatch batcherClosed = new CountDownLatch(1);
    private final Duration wait;
    private volatile boolean running;

    /**
     * @param phaseTimeout {@code spring.lifecycle.timeout-per-shutdown-phase}: the drain waits three of them, the
     *                     web server's drain and its stop, and the batcher's close
     */
    ShutdownDrain(Duration phaseTimeout) {
        this.wait = phaseTimeout.multipliedBy(3);
    }

    @Override
    public void start() {
        running = OrtRuntime.register(this);
    }

    @Override
    public void stop() {
        running = false;
    }

    /** Called once the beans that depend on it, the batcher among them, are destroyed. */
    @Override
    public void close() {
        batcherClosed.countDown();
        OrtRuntime.unregister(this);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public void drainForShutdown() {
        try {
            batcherClosed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void abortForShutdown() {
        // nothing of its own runs on the engine
    }

    @Override
    public boolean closeForShutdown() {
        return true;
    }
}
