package dev.jinaclip.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between attempts: exponential with jitter, or what the server asked for with {@code Retry-After}. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): {@code initial × 2^(retry-1)}, capped at
     * the maximum, then drawn uniformly from its upper half so that clients that failed together spread out.
     */
    public Duration delay(int retry) {
        long cap = max.toMillis();
        long base = initial.toMillis() << Math.min(retry - 1, 30);
        long ceiling = base <= 0 || base > cap ? cap : base;
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    /**
     * The wait a {@code Retry-After} header asks for: delta-seconds or an HTTP date (RFC 9110 §10.2.3);
     * empty if absent or unreadable, zero for a date in the past.
     */
    public static Optional<Duration> parseRetryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
