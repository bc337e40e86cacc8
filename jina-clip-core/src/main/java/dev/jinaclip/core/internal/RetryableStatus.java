package dev.jinaclip.core.internal;

import java.util.Set;

/**
 * The HTTP statuses after which the same request may succeed if sent again: of the hosted API, the Hugging Face Hub
 * and image URLs alike.
 */
public final class RetryableStatus {

    // 408 timeout, 409 CONFLICT_RESOURCE_BUSY, 429 rate limits, 5xx server trouble. Never 400/401/402/403/404/422:
    // the same request would fail the same way, and 402/403 would keep billing attempts against an empty balance.
    private static final Set<Integer> RETRYABLE = Set.of(408, 409, 429, 500, 502, 503, 504);

    private RetryableStatus() {
    }

    public static boolean isRetryable(int status) {
        return RETRYABLE.contains(status);
    }
}
