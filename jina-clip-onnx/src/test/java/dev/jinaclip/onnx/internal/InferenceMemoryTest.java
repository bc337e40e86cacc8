package dev.jinaclip.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The memory bound that all runs of an engine share. */
class InferenceMemoryTest {

    private static final long MIB = 1 << 20;

    @Test
    void should_never_let_concurrent_runs_hold_more_than_the_bound() throws Exception {
        InferenceMemory memory = new InferenceMemory(100 * MIB);
        AtomicLong held = new AtomicLong();
        AtomicLong mostHeld = new AtomicLong();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            long bytes = (10 + i % 5 * 15) * MIB; // 10 to 70 MiB
            runs.add(callers.submit(() -> memory.within(bytes, () -> {
                mostHeld.accumulateAndGet(held.addAndGet(bytes), Math::max);
                Thread.sleep(2);
                held.addAndGet(-bytes);
                return null;
            })));
        }
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertThat(mostHeld.get()).isLessThanOrEqualTo(100 * MIB).isGreaterThan(70 * MIB);
    }

    @Test
    void should_run_work_larger_than_the_bound_alone() throws Exception {
        InferenceMemory memory = new InferenceMemory(100 * MIB);
        AtomicLong running = new AtomicLong();
        AtomicLong mostRunning = new AtomicLong();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long bytes = i % 4 == 0 ? 500 * MIB : 10 * MIB;
            runs.add(callers.submit(() -> memory.within(bytes, () -> {
                long now = running.incrementAndGet();
                if (bytes > 100 * MIB) {
                    mostRunning.accumulateAndGet(now, Math::max);
                }
                Thread.sleep(2);
                running.decrementAndGet();
                return null;
            })));
        }
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertThat(mostRunning.get()).isEqualTo(1);
    }

    @Test
    void should_estimate_text_memory_from_the_attention_tensors() {
        // measured on the full-size model (peak RSS beyond the weights): 0.69 GB for 1 x 2,000 tokens,
        // 2.9 GB for 1 x 4,096, 10.9 GB for 1 x 8,192
        assertThat(InferenceMemory.textBytes(1, 2000) / 1e9).isBetween(0.65, 0.85);
        assertThat(InferenceMemory.textBytes(1, 4096) / 1e9).isBetween(2.9, 3.3);
        assertThat(InferenceMemory.textBytes(1, 8192) / 1e9).isBetween(11.0, 12.5);
        assertThat(InferenceMemory.textBytes(4, 2000)).isEqualTo(4 * InferenceMemory.textBytes(1, 2000));
    }
}
