package dev.jinaclip.core.internal;

/**
 * The one format of every per-input error, on every backend and in every framework adapter:
 * {@code Input <position>: <problem>}, the position counted from 0 in the caller's list.
 */
public final class InputErrors {

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
}
