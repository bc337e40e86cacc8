package dev.jinaclip.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import dev.jinaclip.core.JinaClipException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's ONNX Runtime environment, created and ended the way this library needs.
 *
 * <p><b>Creation.</b> ONNX Runtime 1.29 scans {@code /proc/self/cmdline} with a recursive regex when the
 * environment is created; on a command line of a few KB (a long class path, a big {@code -D}) that overflows a
 * 1 MB thread stack and the JVM dies with SIGSEGV. The environment is therefore created once, on a thread of its
 * own whose stack is sized from the command line.
 *
 * <p><b>Shutdown.</b> ONNX Runtime registers a JVM shutdown hook that frees the native environment; hooks run
 * concurrently, so it can free it under a session that is still running, or before a session is closed, and the
 * JVM crashes. The native environment is reference-counted, so this class holds a second reference, and its own
 * shutdown hook stops every registered engine (running and new calls fail fast, sessions are closed), waits for
 * sessions being created ({@link #creating}) and only then lets its reference go. Whichever hook finishes last
 * frees the environment, after the sessions. Before it stops any engine, the hook lets every participant
 * {@linkplain Participant#drainForShutdown() drain}: an application that finishes the requests it admitted (a
 * server's graceful shutdown, in its own hook) keeps its engines running until then.
 */
public final class OrtRuntime {

    private static final Logger log = LoggerFactory.getLogger(OrtRuntime.class);
    // The regex needs about 270 bytes of stack per command-line byte (measured on ORT 1.29, x86-64): twice that.
    private static final long STACK_BYTES_PER_COMMAND_LINE_BYTE = 512;
    private static final long MIN_STACK_BYTES = 64L << 20;

    /** What a call refused or stopped by the JVM's exit says. */
    public static final String SHUTDOWN_MESSAGE =
            "The JVM is shutting down: the jina-clip model has stopped and embeds nothing more";
    // how long the JVM's exit waits for sessions being created
    private static final long CREATION_WAIT_SECONDS = 5;

    private static final Set<Participant> PARTICIPANTS = ConcurrentHashMap.newKeySet();
    // held shared while sessions are created, exclusively by the shutdown hook before the environment may go
    private static final ReentrantReadWriteLock CREATION = new ReentrantReadWriteLock();
    private static volatile boolean shuttingDown;
    private static OrtEnvironment environment;
    private static volatile EnvironmentReference reference;

    /** Something that uses the environment and must stop before it goes. */
    public interface Participant {
        /**
         * Waits, within a bound of its own, for work that must still finish on the engines before they are
         * stopped; called on every participant before any is aborted. Does nothing by default.
         */
        default void drainForShutdown() {
        }

        /** Stops new and running work at once, without waiting. */
        void abortForShutdown();

        /**
         * Waits for running work to leave, then frees native resources.
         *
         * @return whether everything was freed; if not, the environment is kept alive until the process ends
         */
        boolean closeForShutdown();
    }

    private OrtRuntime() {
    }

    /** The environment; created on first use, on a thread with a stack large enough for this command line. */
    public static synchronized OrtEnvironment environment() {
        if (environment == null) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread creator = new Thread(null, () -> outcome.set(create()), "jina-clip-ort-init", stackBytes());
            creator.start();
            try {
                creator.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating the ONNX Runtime environment", e);
            }
            if (outcome.get() instanceof RuntimeException failure) {
                throw failure;
            }
            if (outcome.get() instanceof Error failure) {
                throw failure;
            }
            environment = (OrtEnvironment) outcome.get();
            Runtime.getRuntime().addShutdownHook(new Thread(OrtRuntime::shutDown, "jina-clip-shutdown"));
        }
        return environment;
    }

    /** Whether the JVM is shutting down and the environment's users are being stopped. */
    public static boolean isShuttingDown() {
        return shuttingDown;
    }

    /**
     * Runs {@code work}, which creates native objects in the environment (sessions), so that the JVM's exit does
     * not free the environment under it: the shutdown hook waits for it to end.
     *
     * @throws JinaClipException of kind {@code CANCELLED} if the JVM is shutting down
     */
    public static <T> T creating(Supplier<T> work) {
        // the hook keeps the write lock once it has it: the JVM is ending, and no session may be made any more
        if (!CREATION.readLock().tryLock()) {
            throw shutdownError();
        }
        try {
            if (shuttingDown) {
                throw shutdownError();
            }
            return work.get();
        } finally {
            CREATION.readLock().unlock();
        }
    }

    /**
     * Registers a user of the environment, stopped by the shutdown hook.
     *
     * @return {@code false}, registering nothing, when the JVM is already shutting down: the user must free what it
     *         made and give up
     */
    public static boolean register(Participant participant) {
        PARTICIPANTS.add(participant);
        if (shuttingDown) {
            PARTICIPANTS.remove(participant);
            return false;
        }
        return true;
    }

    /** The error of work refused because the JVM is shutting down. */
    public static JinaClipException shutdownError() {
        return new JinaClipException(JinaClipException.Kind.CANCELLED, false, SHUTDOWN_MESSAGE);
    }

    /** Removes a user that has closed itself. */
    public static void unregister(Participant participant) {
        PARTICIPANTS.remove(participant);
    }

    /** The stack for the thread that creates the environment. */
    static long stackBytes() {
        long commandLine;
        try {
            commandLine = Files.readAllBytes(Path.of("/proc/self/cmdline")).length;
        } catch (IOException | RuntimeException e) {
            commandLine = 0; // not Linux: the scan does not happen there
        }
        return Math.max(MIN_STACK_BYTES, commandLine * STACK_BYTES_PER_COMMAND_LINE_BYTE);
    }

    private static Object create() {
        try {
            OrtEnvironment created = OrtEnvironment.getEnvironment();
            reference = EnvironmentReference.take();
            return created;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    private static void shutDown() {
        shuttingDown = true;
        for (Participant participant : new ArrayList<>(PARTICIPANTS)) {
            try {
                participant.drainForShutdown();
            } catch (RuntimeException e) {
                log.warn("Could not wait for jina-clip work to finish at shutdown: {}", e.toString());
            }
        }
        // engines closed while draining have left
        List<Participant> participants = new ArrayList<>(PARTICIPANTS);
        for (Participant participant : participants) {
            try {
                participant.abortForShutdown();
            } catch (RuntimeException e) {
                log.warn("Could not stop a jina-clip model at shutdown: {}", e.toString());
            }
        }
        boolean allClosed = true;
        for (Participant participant : participants) {
            try {
                allClosed &= participant.closeForShutdown();
            } catch (RuntimeException e) {
                allClosed = false;
                log.warn("Could not close a jina-clip model at shutdown: {}", e.toString());
            }
        }
        if (allClosed && reference != null && creationsEnded()) {
            reference.release();
        }
    }

    private static boolean creationsEnded() {
        try {
            if (CREATION.writeLock().tryLock(CREATION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("jina-clip: a model still loading {} s after shutdown began; the ONNX Runtime environment is left"
                + " to the end of the process", CREATION_WAIT_SECONDS);
        return false;
    }

    /**
     * A native reference to the environment, taken through the binding's private entry points (ONNX Runtime's
     * Java API has no public way to hold one). Without it, shutdown falls back to stopping engines as early as
     * possible, which leaves a small window.
     */
    private static final class EnvironmentReference {
        private final Method release;
        private final long apiHandle;
        private final long handle;

        private EnvironmentReference(Method release, long apiHandle, long handle) {
            this.release = release;
            this.apiHandle = apiHandle;
            this.handle = handle;
        }

        static EnvironmentReference take() {
            try {
                Field api = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("ortApiHandle");
                api.setAccessible(true);
                long apiHandle = api.getLong(null);
                Method create = OrtEnvironment.class.getDeclaredMethod("createHandle", long.class, int.class,
                        String.class);
                Method release = OrtEnvironment.class.getDeclaredMethod("close", long.class, long.class);
                create.setAccessible(true);
                release.setAccessible(true);
                // CreateEnv on an existing environment returns it with its reference count raised
                long handle = (long) create.invoke(null, apiHandle,
                        OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING.getValue(), OrtEnvironment.DEFAULT_NAME);
                return new EnvironmentReference(release, apiHandle, handle);
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn("Cannot hold the ONNX Runtime environment open until jina-clip's models are closed ({});"
                        + " a model still running while the JVM exits may crash it", e.toString());
                return null;
            }
        }

        void release() {
            try {
                release.invoke(null, apiHandle, handle);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                log.debug("Releasing the ONNX Runtime environment failed", e);
            }
        }
    }
}
