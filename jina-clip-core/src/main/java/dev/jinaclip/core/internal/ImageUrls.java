package dev.jinaclip.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image URLs as messages show them: without user info ({@code user:password@}) or query string (a presigned URL's
 * signature), since messages reach HTTP answers and logs. {@code ?…} marks a dropped query.
 */
public final class ImageUrls {

    // scheme://, user info (up to the authority's last @), the rest up to the query, the query, the fragment
    private static final Pattern PARTS = Pattern.compile("([^:/?#]+://)?(?:[^/?#]*@)?([^?#]*)(\\?[^#]*)?(#.*)?",
            Pattern.DOTALL);

    private ImageUrls() {
    }

    /** {@code url} without its user info and query string, for messages and logs. */
    public static String redacted(String url) {
        Matcher parts = PARTS.matcher(url);
        parts.matches(); // true for every string: each part is optional
        String scheme = parts.group(1) == null ? "" : parts.group(1);
        return scheme + parts.group(2) + (parts.group(3) == null ? "" : "?…");
    }
}
