package dev.jinaclip.rag;

import java.util.Locale;

/** Byte counts as users read them in messages: {@code 512 bytes}, {@code 64.0 KB}, {@code 8.0 MB}. */
public final class ByteSizes {

    private ByteSizes() {
    }

    /** {@code bytes} in bytes, KB or MB (of 1024), with one decimal above a KB. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
