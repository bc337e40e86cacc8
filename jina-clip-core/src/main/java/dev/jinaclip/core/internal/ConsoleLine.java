package dev.jinaclip.core.internal;

/**
 * A terminal line redrawn in place, as the progress bars of the model download and the evaluation tool draw it: a
 * carriage return, the text, and spaces that cover what a longer previous text left.
 */
public final class ConsoleLine {

    private int lastLength;

    /**
     * What to print to show {@code text} in place of the previous one.
     *
     * @param last whether this ends the line: the next text starts a line of its own
     */
    public synchronized String redraw(String text, boolean last) {
        String shown = "\r" + text + " ".repeat(Math.max(0, lastLength - text.length()))
                + (last ? System.lineSeparator() : "");
        lastLength = last ? 0 : text.length();
        return shown;
    }

    /** What to print to end the line where it stands, when no final text comes. */
    public synchronized String end() {
        lastLength = 0;
        return System.lineSeparator();
    }

    /** A bar of {@code width} characters, {@code #} in proportion to {@code done} of {@code total}; full if total ≤ 0. */
    public static String bar(long done, long total, int width) {
        int filled = total <= 0 ? width : (int) (width * Math.min(done, total) / total);
        return "#".repeat(filled) + " ".repeat(width - filled);
    }
}
