package dev.jinaclip.core.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the engines' threads and makes them daemons, so an engine left open never keeps the JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code <prefix>1}, {@code <prefix>2}, ... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
