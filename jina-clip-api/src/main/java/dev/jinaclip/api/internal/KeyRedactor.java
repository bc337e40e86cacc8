package dev.jinaclip.api.internal;

import java.util.Objects;

/**
 * Replaces the API key in a text with {@value #MASK}: wherever it occurs, also inside a longer token, and with
 * any of its characters percent-encoded (either case) or JSON-escaped ({@code \/}, {@code \u002F}), mixed freely.
 */
public final class KeyRedactor {

    public static final String MASK = "********";

    private final String key;

    /** @param key the API key: non-empty printable ASCII, as the configuration checks */
    public KeyRedactor(String key) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
    }

    /** The text with every occurrence of the key masked; the same instance when it has none; null for null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        char first = key.charAt(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int end = c == first || c == '%' || c == '\\' ? endOfKeyAt(text, i, 0) : -1; // cheap on long bodies
            if (end > 0) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, i).append(MASK);
                copied = end;
                i = end - 1;
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Whether the text holds the key, in any of the forms {@link #redact} masks. */
    public boolean isIn(String text) {
        return text != null && !redact(text).equals(text);
    }

    /** Where the key from its character {@code k} on, written from {@code at}, ends; -1 if it is not there. */
    private int endOfKeyAt(String text, int at, int k) {
        if (k == key.length()) {
            return at;
        }
        if (at >= text.length()) {
            return -1;
        }
        char c = key.charAt(k);
        // a '\' or '%' of the key may be written plainly or escaped, so the forms are tried one after the other
        int[] ends = {
            text.charAt(at) == c ? at + 1 : -1,
            text.charAt(at) == '%' && hexAt(text, at + 1, 2) == c ? at + 3 : -1,
            text.charAt(at) == '\\' && at + 1 < text.length() && text.charAt(at + 1) == c
                    && (c == '/' || c == '\\' || c == '"') ? at + 2 : -1,
            text.startsWith("\\u", at) && hexAt(text, at + 2, 4) == c ? at + 6 : -1};
        for (int charEnd : ends) {
            int keyEnd = charEnd < 0 ? -1 : endOfKeyAt(text, charEnd, k + 1);
            if (keyEnd >= 0) {
                return keyEnd;
            }
        }
        return -1;
    }

    private static int hexAt(String text, int at, int digits) {
        if (at + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + digits; i++) {
            char digit = text.charAt(i);
            int nibble = digit < 128 ? Character.digit(digit, 16) : -1;
            if (nibble < 0) {
                return -1;
            }
            value = value * 16 + nibble;
        }
        return value;
    }
}
