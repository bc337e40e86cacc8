package dev.jinaclip.benchmarks;

import dev.jinaclip.benchmarks.BenchResult.Latency;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Clients that each embed one input a call, back to back, for a fixed time: every answer is checked (768-d,
 * finite, and the same direction as the engine's vector for that input), timed, or counted as an error by kind.
 */
final class LoadClients implements AutoCloseable {

    /** The lowest cosine to the engine's vector that counts as the same answer. */
    static final double MIN_COSINE = 0.9999;

    /** One call: the vector for input {@code index} of the pool. */
    interface Call {
        float[] embed(int index) throws Exception;
    }

    /** One timed period: what was answered, how fast, and what failed. */
    static final class Period {
        final List<Long> latencyNanos = new ArrayList<>();
        final Map<String, Long> errors = new TreeMap<>();
        double minCosine = 1;
        double seconds;

        double throughput() {
            return latencyNanos.size() / seconds;
        }

        private synchronized void add(Period client) {
            latencyNanos.addAll(client.latencyNanos);
            client.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
            minCosine = Math.min(minCosine, client.minCosine);
        }
    }

    private final int clients;
    private final List<float[]> expected;
    private final ExecutorService pool;

    /** @param expected the engine's vector for each input of the pool, embedded alone */
    LoadClients(int clients, List<float[]> expected) {
        this.clients = clients;
        this.expected = expected;
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /** All clients call for {@code seconds}; client {@code c} embeds inputs c, c + clients, ... of the pool. */
    Period run(Call call, double seconds) throws Exception {
        Period total = new Period();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                Period mine = new Period();
                for (long n = 0; System.nanoTime() < deadline; n++) {
                    int index = (int) ((client + n * clients) % expected.size());
                    String error = timedAndChecked(call, index, mine);
                    if (error != null) {
                        mine.errors.merge(error, 1L, Long::sum);
                    }
                }
                total.add(mine);
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        total.seconds = Timing.secondsSince(start);
        return total;
    }

    /** Percentiles of every period's latencies together, in milliseconds. */
    static Latency latency(List<Period> periods) {
        List<Long> all = new ArrayList<>();
        periods.forEach(period -> all.addAll(period.latencyNanos));
        if (all.isEmpty()) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN);
        }
        all.sort(null);
        return new Latency(all.size(), percentile(all, 0.50), percentile(all, 0.99), all.get(all.size() - 1) / 1e6);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    // nearest rank
    private static double percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    // null when the answer is good, its latency then added to the period; else the kind of failure
    private String timedAndChecked(Call call, int index, Period mine) {
        float[] vector;
        long latency;
        try {
            long sent = System.nanoTime();
            vector = call.embed(index);
            latency = System.nanoTime() - sent;
        } catch (EmbeddingsHttp.Failure e) {
            return e.kind();
        } catch (Exception e) {
            return "other";
        }
        if (vector.length != JinaClipOnnxConfig.MODEL.dimension()) {
            return "bad-vector";
        }
        for (float value : vector) {
            if (!Float.isFinite(value)) {
                return "bad-vector";
            }
        }
        double cosine = EmbeddingChecks.cosine(vector, expected.get(index));
        mine.minCosine = Math.min(mine.minCosine, cosine);
        if (cosine < MIN_COSINE) {
            return "mismatch";
        }
        mine.latencyNanos.add(latency);
        return null;
    }
}
