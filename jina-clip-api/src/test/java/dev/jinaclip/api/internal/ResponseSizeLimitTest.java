package dev.jinaclip.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.api.EmbeddingType;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class ResponseSizeLimitTest {

    static final ResponseLimit LIMIT = ResponseLimit.forBatch(1, 768, EmbeddingType.FLOAT);

    /** Bytes of '0' for ever (or up to {@code length}), counting how many were pulled. */
    static final class CountingSource implements Source {
        final long length;
        long pulled;

        CountingSource(long length) {
            this.length = length;
        }

        @Override
        public long read(Buffer sink, long byteCount) {
            long n = Math.min(byteCount, length - pulled);
            if (n <= 0) {
                return -1;
            }
            for (long i = 0; i < n; i++) {
                sink.writeByte('0');
            }
            pulled += n;
            return n;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void should_size_the_limit_from_inputs_dimension_and_encoding() {
        assertThat(LIMIT.bytes()).isEqualTo((1 << 20) + 1024 + 768 * 50);
        assertThat(ResponseLimit.forBatch(64, 1024, EmbeddingType.BASE64).bytes())
                .isEqualTo((1 << 20) + 64 * (1024 + 1024 * 11));
        assertThat(ResponseLimit.forBatch(64, 1024, EmbeddingType.BASE64).answer())
                .isEqualTo("64 inputs of 1024 base64 values");
    }

    @Test
    void should_stop_an_endless_body_one_segment_past_the_limit() {
        CountingSource endless = new CountingSource(Long.MAX_VALUE);
        BufferedSource source = Okio.buffer(endless);

        assertThatThrownBy(() -> ResponseSizeLimit.read(source, -1, LIMIT, 200))
                .isInstanceOf(ResponseTooLargeException.class)
                .hasMessage("body is longer than " + LIMIT.bytes()
                        + " bytes, the most an answer for 1 input of 768 float values can need");
        assertThat(endless.pulled).isGreaterThan(LIMIT.bytes()).isLessThanOrEqualTo(LIMIT.bytes() + 8192);
    }

    @Test
    void should_refuse_a_declared_length_beyond_the_limit_before_reading() {
        CountingSource endless = new CountingSource(Long.MAX_VALUE);

        assertThatThrownBy(() -> ResponseSizeLimit.read(Okio.buffer(endless), LIMIT.bytes() + 1, LIMIT, 503))
                .isInstanceOfSatisfying(ResponseTooLargeException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(503))
                .hasMessageStartingWith("Content-Length " + (LIMIT.bytes() + 1) + " is more than " + LIMIT.bytes());
        assertThat(endless.pulled).isZero();
    }

    @Test
    void should_read_a_body_of_exactly_the_limit() throws Exception {
        Buffer body = ResponseSizeLimit.read(Okio.buffer(new CountingSource(LIMIT.bytes())), -1, LIMIT, 200);

        assertThat(body.size()).isEqualTo(LIMIT.bytes());
    }

    @Test
    void should_refuse_a_body_one_byte_over_the_limit() {
        assertThatThrownBy(() -> ResponseSizeLimit.read(
                Okio.buffer(new CountingSource(LIMIT.bytes() + 1)), -1, LIMIT, 200))
                .isInstanceOf(ResponseTooLargeException.class);
    }
}
