package dev.jinaclip.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    @RepeatedTest(20)
    void should_double_the_delay_with_jitter_in_the_upper_half_and_cap_it() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(backoff.delay(1).toMillis()).isBetween(50L, 100L);
        assertThat(backoff.delay(2).toMillis()).isBetween(100L, 200L);
        assertThat(backoff.delay(3).toMillis()).isBetween(200L, 400L);
        assertThat(backoff.delay(5).toMillis()).isBetween(500L, 1000L);
        assertThat(backoff.delay(60).toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void should_read_retry_after_in_seconds() {
        assertThat(Backoff.parseRetryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(Backoff.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void should_read_retry_after_as_an_http_date() {
        assertThat(Backoff.parseRetryAfter("Thu, 26 Nov 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.parseRetryAfter("Thu, 26 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void should_ignore_absent_or_unreadable_retry_after() {
        assertThat(Backoff.parseRetryAfter(null, NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("-5", NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter("99999999999999999999999", NOW)).isEmpty();
    }
}
