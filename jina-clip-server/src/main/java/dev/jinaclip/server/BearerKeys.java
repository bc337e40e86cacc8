package dev.jinaclip.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** The configured Bearer keys, compared in constant time; never logged, never in a message. */
final class BearerKeys {

    private static final String PREFIX = "Bearer ";

    private final List<byte[]> keys;

    BearerKeys(List<String> keys) {
        this.keys = keys.stream().filter(key -> key != null && !key.isBlank())
                .map(key -> key.strip().getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Whether the endpoint is open to any caller. */
    boolean open() {
        return keys.isEmpty();
    }

    /**
     * Checks the {@code Authorization} header.
     *
     * @throws ApiProblem 401 when a key is needed and the header is missing, malformed or names no key
     */
    void check(String authorization) {
        if (open()) {
            return;
        }
        if (authorization == null || authorization.isBlank()) {
            throw ApiProblem.of(401, "AUTH_MISSING_API_KEY", "No API key: send Authorization: Bearer <key>");
        }
        if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw ApiProblem.of(401, "AUTH_INVALID_FORMAT", "The Authorization header is not 'Bearer <key>'");
        }
        byte[] given = authorization.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(key, given);
        }
        if (!known) {
            throw ApiProblem.of(401, "AUTH_INVALID_API_KEY", "The API key is not valid on this server");
        }
    }
}
