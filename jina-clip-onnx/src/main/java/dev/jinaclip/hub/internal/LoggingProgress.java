package dev.jinaclip.hub.internal;

import dev.jinaclip.hub.DownloadProgress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress as SLF4J INFO lines, for logs rather than terminals: one when a download starts, one each time it
 * passes another 10% or 10 s have gone by without a line, and one at the end.
 */
public final class LoggingProgress implements DownloadProgress {

    private static final Logger log = LoggerFactory.getLogger(DownloadProgress.class);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final LongSupplier nanoTime;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public LoggingProgress() {
        this(System::nanoTime);
    }

    LoggingProgress(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public void started(String file, long resumedBytes, long totalBytes) {
        long now = nanoTime.getAsLong();
        State state = new State(now, resumedBytes, decile(resumedBytes, totalBytes));
        states.put(file, state);
        if (resumedBytes > 0) {
            log.info("Downloading {} ({}), resuming at {}", file, Sizes.megabytes(totalBytes),
                    Sizes.megabytes(resumedBytes));
        } else {
            log.info("Downloading {} ({})", file, Sizes.megabytes(totalBytes));
        }
    }

    @Override
    public void progressed(String file, long doneBytes, long totalBytes) {
        State state = states.get(file);
        if (state == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        int decile = decile(doneBytes, totalBytes);
        boolean nextStep = decile > state.decile && decile < 10;
        if (nextStep || now - state.lastLine >= QUIET_NANOS) {
            state.decile = Math.max(state.decile, decile);
            state.lastLine = now;
            double speed = Sizes.megabytesPerSecond(doneBytes - state.resumed, now - state.start);
            if (totalBytes > 0) {
                log.info("Downloading {}: {}% ({} of {}, {} MB/s)", file, Sizes.percent(doneBytes, totalBytes),
                        Sizes.megabytes(doneBytes), Sizes.megabytes(totalBytes), oneDecimal(speed));
            } else {
                log.info("Downloading {}: {} ({} MB/s)", file, Sizes.megabytes(doneBytes), oneDecimal(speed));
            }
        }
    }

    @Override
    public void finished(String file, long totalBytes) {
        State state = states.remove(file);
        if (state == null) {
            return;
        }
        long elapsed = nanoTime.getAsLong() - state.start;
        log.info("Downloaded {} ({} in {} s, {} MB/s)", file, Sizes.megabytes(totalBytes),
                oneDecimal(elapsed / 1e9), oneDecimal(Sizes.megabytesPerSecond(totalBytes - state.resumed, elapsed)));
    }

    @Override
    public void failed(String file, Exception error) {
        states.remove(file);
    }

    private static int decile(long done, long total) {
        return total <= 0 ? 0 : (int) Math.min(10, done * 10 / total);
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static final class State {
        final long start;
        final long resumed;
        volatile int decile;
        volatile long lastLine;

        State(long start, long resumed, int decile) {
            this.start = start;
            this.resumed = resumed;
            this.decile = decile;
            this.lastLine = start;
        }
    }
}
