package dev.jinaclip.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one format of every per-input error, on every backend and in every framework adapter:
 * {@code Input <position>: <problem>}, the position counted from 0 in the caller's list.
 */
public final class InputErrors {

    private static final Pattern POSITION = Pattern.compile("^Input (\\d+): ");

    private InputErrors() {
    }

    /** The message for a problem with the input at {@code position}. */
    public static String message(int position, String problem) {
        return "Input " + position + ": " + problem;
    }

    /** An unusable input. */
    public static IllegalArgumentException invalid(int position, String problem) {
        return new IllegalArgumentException(message(position, problem));
    }

    /** An unusable input, with the failure that showed it. */
    public static IllegalArgumentException invalid(int position, String problem, Throwable cause) {
        return new IllegalArgumentException(message(position, problem), cause);
    }

    /**
     * A per-input message of a call on a slice of the caller's list, with the position counted in the whole list:
     * {@code Input 1: ...} of the slice that starts at {@code offset} 64 becomes {@code Input 65: ...}. A message
     * without a position is returned as it is.
     */
    public static String renumbered(String message, int offset) {
        if (message == null) {
            return null;
        }
        Matcher position = POSITION.matcher(message);
        if (!position.find()) {
            return message;
        }
        return message(Integer.parseInt(position.group(1)) + offset, message.substring(position.end()));
    }

    /** Whether {@code message} names an input's position, as {@link #message} writes it. */
    public static boolean namesPosition(String message) {
        return message != null && POSITION.matcher(message).find();
    }
}
