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
 * for the former to have stopped the web server: this lifecycle stops after it.
 */
final class ShutdownDrain implements SmartLifecycle, OrtRuntime.Participant {

    // below the web server's graceful drain and its stop (2048 below the drain's phase, as Boot orders them)
    private static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;

    private final CountDownLatch webServerStopped = new CountDownLatch(1);
    private final Duration wait;
    private volatile boolean running;

    /**
     * @param phaseTimeout {@code spring.lifecycle.timeout-per-shutdown-phase}: the drain waits two of them, the web
     *                     server's drain and its stop
     */
    ShutdownDrain(Duration phaseTimeout) {
        this.wait = phaseTimeout.multipliedBy(2);
    }

    @Override
    public void start() {
        running = OrtRuntime.register(this);
    }

    @Override
    public void stop() {
        webServerStopped.countDown();
        OrtRuntime.unregister(this);
        running = false;
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
            webServerStopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
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
