package dev.jinaclip.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.jinaclip.hub.DownloadProgress;
import dev.jinaclip.testing.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The terminal bar and the log lines show percent, megabytes and speed, without flooding. */
class ProgressReportersTest {

    final AtomicLong nanos = new AtomicLong();

    void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void should_draw_a_bar_in_place_on_a_terminal() {
        // given
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleProgressBar bar = new ConsoleProgressBar(stream, nanos::get);

        // when 50 MB of 100 MB in 1 s, then many small chunks, then done
        bar.started("onnx/text_model.onnx", 0, 100_000_000);
        advance(1000);
        bar.progressed("onnx/text_model.onnx", 50_000_000, 100_000_000);
        for (int i = 1; i <= 100; i++) {
            bar.progressed("onnx/text_model.onnx", 50_000_000 + i, 100_000_000); // no time passes: no redraw
        }
        advance(1000);
        bar.finished("onnx/text_model.onnx", 100_000_000);

        // then
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r", -1)).hasSize(4);
        assertThat(out).contains("onnx/text_model.onnx          50% [##############              ] 50.0/100.0 MB"
                        + "   50.0 MB/s")
                .contains("100% [############################] 100.0/100.0 MB")
                .endsWith(System.lineSeparator());
    }

    @Test
    void should_log_every_tenth_and_the_end() {
        // given
        DownloadProgress progress = new LoggingProgress(nanos::get);

        try (LogCapture log = new LogCapture(DownloadProgress.class, Level.INFO)) {
            // when 1 MB steps of a 10 MB file, 100 ms apart
            progress.started("onnx/vision_model.onnx", 0, 10_000_000);
            for (int mb = 1; mb <= 10; mb++) {
                for (int part = 1; part <= 4; part++) {
                    advance(25);
                    progress.progressed("onnx/vision_model.onnx", (mb - 1) * 1_000_000L + part * 250_000L,
                            10_000_000);
                }
            }
            progress.finished("onnx/vision_model.onnx", 10_000_000);

            // then one line per 10%, not per chunk
            assertThat(log.messages()).hasSize(11)
                    .startsWith("Downloading onnx/vision_model.onnx (10.0 MB)",
                            "Downloading onnx/vision_model.onnx: 10% (1.0 MB of 10.0 MB, 10.0 MB/s)")
                    .endsWith("Downloaded onnx/vision_model.onnx (10.0 MB in 1.0 s, 10.0 MB/s)");
        }
    }

    @Test
    void should_log_at_least_every_ten_seconds_when_slow() {
        // given
        DownloadProgress progress = new LoggingProgress(nanos::get);

        try (LogCapture log = new LogCapture(DownloadProgress.class, Level.INFO)) {
            // when 25 s pass within the first 10%
            progress.started("big.onnx", 0, 1_000_000_000);
            for (int s = 1; s <= 25; s++) {
                advance(1000);
                progress.progressed("big.onnx", s * 1_000_000L, 1_000_000_000);
            }

            // then
            assertThat(log.messages()).containsExactly("Downloading big.onnx (1000.0 MB)",
                    "Downloading big.onnx: 1% (10.0 MB of 1000.0 MB, 1.0 MB/s)",
                    "Downloading big.onnx: 2% (20.0 MB of 1000.0 MB, 1.0 MB/s)");
        }
    }
}
