package dev.jinaclip.core.internal;

import java.time.Duration;

/**
 * The checks of the engines' settings, each with the message that names the setting: a value given, or the
 * default where none was.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** {@code value}, or {@code fallback} if it is {@code null}; a zero or negative value is an error. */
    public static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** A time limit that OkHttp takes: whole milliseconds from 1 to {@code Integer.MAX_VALUE}. */
    public static Duration timeLimit(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, was "
                    + value);
        }
        return value;
    }

    /** {@code value}, or {@code fallback} if it is {@code null}; a value below {@code min} is an error. */
    public static int atLeast(Integer value, int fallback, int min, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** {@code value}, which must not be blank. */
    public static String requireText(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
