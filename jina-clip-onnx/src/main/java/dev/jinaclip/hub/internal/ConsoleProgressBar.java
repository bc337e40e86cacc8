package dev.jinaclip.hub.internal;

import dev.jinaclip.core.internal.ConsoleLine;
import dev.jinaclip.hub.DownloadProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar for interactive terminals, redrawn in place with a carriage return:
 * {@code onnx/text_model.onnx   42% [############                ] 230.1/548.1 MB  12.3 MB/s}.
 */
public final class ConsoleProgressBar implements DownloadProgress {

    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int NAME_WIDTH = 28;
    private static final int BAR_WIDTH = 28;

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final ConsoleLine line = new ConsoleLine();

    public ConsoleProgressBar(PrintStream out) {
        this(out, System::nanoTime);
    }

    ConsoleProgressBar(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public void started(String file, long resumedBytes, long totalBytes) {
        State state = new State(nanoTime.getAsLong(), resumedBytes);
        states.put(file, state);
        draw(file, state, resumedBytes, totalBytes, false);
    }

    @Override
    public void progressed(String file, long doneBytes, long totalBytes) {
        State state = states.get(file);
        if (state != null && nanoTime.getAsLong() - state.lastDraw >= REDRAW_NANOS) {
            draw(file, state, doneBytes, totalBytes, false);
        }
    }

    @Override
    public void finished(String file, long totalBytes) {
        State state = states.remove(file);
        if (state != null) {
            draw(file, state, totalBytes, totalBytes, true);
        }
    }

    @Override
    public void failed(String file, Exception error) {
        if (states.remove(file) != null) {
            synchronized (this) {
                out.print(line.end());
                out.flush();
            }
        }
    }

    private synchronized void draw(String file, State state, long done, long total, boolean last) {
        long now = nanoTime.getAsLong();
        state.lastDraw = now;
        double speed = Sizes.megabytesPerSecond(done - state.resumed, now - state.start);
        String text;
        if (total > 0) {
            text = String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s %3d%% [%s] %.1f/%.1f MB %6.1f MB/s",
                    shorten(file), Sizes.percent(done, total), ConsoleLine.bar(done, total, BAR_WIDTH),
                    done / 1e6, total / 1e6, speed);
        } else {
            text = String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s %.1f MB %6.1f MB/s", shorten(file),
                    done / 1e6, speed);
        }
        out.print(line.redraw(text, last));
        out.flush();
    }

    private static String shorten(String file) {
        return file.length() <= NAME_WIDTH ? file : "..." + file.substring(file.length() - NAME_WIDTH + 3);
    }

    private static final class State {
        final long start;
        final long resumed;
        volatile long lastDraw;

        State(long start, long resumed) {
            this.start = start;
            this.resumed = resumed;
        }
    }
}
