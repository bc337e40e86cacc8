package dev.jinaclip.hub.internal;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * What a {@code HEAD} of the Hub's resolve endpoint tells about a file.
 *
 * @param file        the path in the repository
 * @param commit      the commit the revision resolved to ({@code X-Repo-Commit})
 * @param etag        {@code X-Linked-Etag} (an LFS file's SHA-256) or else {@code ETag} (a git blob's SHA-1),
 *                    without quotes or {@code W/}
 * @param size        {@code X-Linked-Size}, or the {@code Content-Length} of a file served directly; -1 if absent
 * @param downloadUrl where to {@code GET} the bytes: the CDN link of an LFS file, or the resolve URL
 */
public record FileMetadata(String file, String commit, String etag, long size, HttpUrl downloadUrl) {

    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    /** Whether the etag is a SHA-256 (an LFS file, verified byte for byte); otherwise only the size is checked. */
    public boolean isLfs() {
        return SHA256.matcher(etag).matches();
    }
}
