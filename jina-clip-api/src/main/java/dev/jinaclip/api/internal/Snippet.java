package dev.jinaclip.api.internal;

import java.nio.charset.StandardCharsets;

/** The start of a body, short enough for an exception message or a log line. */
public final class Snippet {

    private static final int MAX_CHARS = 300;

    private Snippet() {
    }

    public static String of(byte[] body) {
        if (body.length == 0) {
            return "(empty body)";
        }
        return of(new String(body, 0, Math.min(body.length, MAX_CHARS * 4), StandardCharsets.UTF_8));
    }

    public static String of(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS) + "...";
    }
}
