package dev.jinaclip.hub;

import dev.jinaclip.hub.internal.ConsoleProgressBar;
import dev.jinaclip.hub.internal.LoggingProgress;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Hears how the download of each file goes. Only files that are actually downloaded are reported; files found
 * in the cache are not.
 *
 * <p>{@link #progressed} is called for every chunk written (tens of kilobytes), on the downloading thread:
 * implementations should be cheap and throttle their own output. Several files, from several threads, may be
 * reported to the same instance. Every method does nothing by default.
 */
public interface DownloadProgress {

    /**
     * A download starts.
     *
     * @param file         the file's path in the repository, such as {@code onnx/text_model.onnx}
     * @param resumedBytes bytes already on disk from an interrupted download, which are not fetched again
     * @param totalBytes   the file's size, or -1 if the server did not say
     */
    default void started(String file, long resumedBytes, long totalBytes) {
    }

    /**
     * More bytes are on disk.
     *
     * @param doneBytes  bytes on disk so far, resumed ones included
     * @param totalBytes the file's size, or -1 if unknown
     */
    default void progressed(String file, long doneBytes, long totalBytes) {
    }

    /** The file is complete and verified. */
    default void finished(String file, long totalBytes) {
    }

    /** The download failed; {@code error} is about to be thrown to the caller. */
    default void failed(String file, Exception error) {
    }

    /** Reports nothing. */
    static DownloadProgress none() {
        return new DownloadProgress() {
        };
    }

    /** A bar on standard error, redrawn in place with the percentage, megabytes and speed. */
    static DownloadProgress consoleBar() {
        return consoleBar(System.err);
    }

    /** A bar on {@code out}, redrawn in place with carriage returns at most ten times a second. */
    static DownloadProgress consoleBar(PrintStream out) {
        return new ConsoleProgressBar(Objects.requireNonNull(out, "out"));
    }

    /**
     * SLF4J INFO lines from logger {@code dev.jinaclip.hub.DownloadProgress}: at the start, every 10% or 10 s, and
     * at the end.
     */
    static DownloadProgress log() {
        return new LoggingProgress();
    }

    /**
     * The default: {@link #consoleBar()} when the JVM runs in an interactive terminal ({@code System.console()} is
     * not null), otherwise {@link #log()}, which suits servers, CI and IDE consoles.
     */
    static DownloadProgress automatic() {
        return System.console() != null ? consoleBar() : log();
    }
}
