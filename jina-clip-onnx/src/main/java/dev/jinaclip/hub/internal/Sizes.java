package dev.jinaclip.hub.internal;

import java.util.Locale;

/** Byte counts and rates as people read them: decimal megabytes, as the Hub's web pages show sizes. */
final class Sizes {

    private Sizes() {
    }

    /** {@code 548.1 MB}, or {@code unknown size} for -1. */
    static String megabytes(long bytes) {
        return bytes < 0 ? "unknown size" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Megabytes a second over an interval, 0 for an empty interval. */
    static double megabytesPerSecond(long bytes, long nanos) {
        return nanos <= 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
    }

    /** Whole percent of a total, 0 when the total is unknown or empty. */
    static int percent(long done, long total) {
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
