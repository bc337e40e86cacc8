package dev.jinaclip.evaluation;

import dev.jinaclip.core.internal.ConsoleLine;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of the embedding of one item set, for long runs: a one-line bar redrawn in place on the terminal's error
 * stream, in the style of the model download's ({@code captions  [#######      ] 1200/5000 texts  85.1/s}).
 */
interface Progress {

    /** Starts a bar of {@code total} items. */
    Bar start(String name, int total, String unit);

    /** A bar; {@link #done()} ends its line. */
    interface Bar {
        void advance(int items);

        void done();
    }

    /** Shows nothing: output is not a terminal, or {@code --no-progress}. */
    static Progress none() {
        return (name, total, unit) -> new Bar() {
            @Override
            public void advance(int items) {
            }

            @Override
            public void done() {
            }
        };
    }

    /** Draws on {@code out}. */
    static Progress console(PrintWriter out) {
        return console(out, System::nanoTime);
    }

    static Progress console(PrintWriter out, LongSupplier nanoTime) {
        return (name, total, unit) -> new ConsoleBar(out, nanoTime, name, total, unit);
    }

    /** The console bar. */
    final class ConsoleBar implements Bar {
        private static final int BAR_WIDTH = 30;
        private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

        private final PrintWriter out;
        private final LongSupplier nanoTime;
        private final String name;
        private final int total;
        private final String unit;
        private final long start;
        private long lastDraw;
        private int done;
        private final ConsoleLine line = new ConsoleLine();

        ConsoleBar(PrintWriter out, LongSupplier nanoTime, String name, int total, String unit) {
            this.out = out;
            this.nanoTime = nanoTime;
            this.name = name;
            this.total = total;
            this.unit = unit;
            this.start = nanoTime.getAsLong();
            draw(false);
        }

        @Override
        public void advance(int items) {
            done += items;
            if (nanoTime.getAsLong() - lastDraw >= REDRAW_NANOS) {
                draw(false);
            }
        }

        @Override
        public void done() {
            draw(true);
        }

        private void draw(boolean last) {
            long now = nanoTime.getAsLong();
            lastDraw = now;
            double seconds = (now - start) / 1e9;
            String text = String.format(Locale.ROOT, "%-24s [%s] %d/%d %s %8.1f/s", name,
                    ConsoleLine.bar(done, total, BAR_WIDTH), done, total, unit, seconds > 0 ? done / seconds : 0.0);
            out.print(line.redraw(text, last));
            out.flush();
        }
    }
}
