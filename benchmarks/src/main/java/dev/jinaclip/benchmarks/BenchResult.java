package dev.jinaclip.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One workload's results, as written to {@code benchmarks/target/results/<workload>.json}. Exactly one of
 * {@code local}, {@code concurrent} (any shared-engine workload), {@code hosted}, {@code serverLoad} and
 * {@code burst} is set; {@code peakRss} is added by {@code run.sh}.
 *
 * @param settings what the figures depend on: runs, threads, engine configuration, JVM options
 * @param inputs   what was embedded: counts, token counts, image sizes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BenchResult(String workload, String description, Machine machine, Map<String, Object> settings,
                   Map<String, Object> inputs, Load load, LocalFigures local, ConcurrentFigures concurrent,
                   HostedFigures hosted, ServerLoadFigures serverLoad, BurstFigures burst, PeakRss peakRss) {

    /** The machine and software the figures were measured on. */
    record Machine(String cpuModel, int cores, long ramBytes, String os, String jvm, String onnxRuntime,
                   String date) {
    }

    /**
     * Measured values of one quantity over the measured runs.
     *
     * @param unit what the values count, e.g. "items/s"
     * @param runs each measured run's value, in run order
     */
    record Figure(String unit, double median, double min, double max, List<Double> runs) {

        static Figure of(String unit, List<Double> runs) {
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("No measured runs of " + unit);
            }
            List<Double> sorted = new ArrayList<>(runs);
            sorted.sort(null);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Figure(unit, median, sorted.get(0), sorted.get(n - 1), List.copyOf(runs));
        }
    }

    /**
     * Model load, first in the process.
     *
     * @param engineLoadSeconds          {@code JinaClipOnnxEngine.load}: both sessions and the tokenizer
     * @param timeToFirstEmbeddingSeconds from the start of the load to the first call's vectors
     * @param firstInput                 what the first call embedded
     */
    record Load(double engineLoadSeconds, double timeToFirstEmbeddingSeconds, String firstInput) {
    }

    /**
     * A raw layout's throughput.
     *
     * @param batches each batch's shape: "rows x padded length" for texts, rows for images
     */
    record LayoutFigure(String layout, List<String> batches, Figure throughput) {
    }

    /**
     * A local workload measured three ways. Raw and preprocessing figures are absent from an engine-only run.
     *
     * @param rawBest                      the fastest layout measured, engine plan included
     * @param preprocessing                tokenising, or decode + resize + normalise, on one thread
     * @param endToEndOverBestRaw          median end to end ÷ median of {@code rawBest}
     * @param endToEndOverEngineLayoutRaw  median end to end ÷ median of {@code rawEngineLayout}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LocalFigures(Figure endToEnd, LayoutFigure rawEngineLayout, List<LayoutFigure> rawSweep,
                        LayoutFigure rawBest, Figure preprocessing, Double endToEndOverBestRaw,
                        Double endToEndOverEngineLayoutRaw) {
    }

    /**
     * Callers sharing one engine, each repeating a cycle of calls.
     *
     * @param cyclesPerCaller how often each caller runs its cycle per measured run
     * @param inputsPerCycle  inputs one cycle embeds
     * @param throughput      inputs embedded per second, all callers together, per measured run
     * @param callSeconds     each call's duration, over every call of the measured runs
     */
    record ConcurrentFigures(int callers, int cyclesPerCaller, int inputsPerCycle, Figure throughput,
                             Figure callSeconds) {
    }

    /**
     * The hosted client against the local server.
     *
     * @param requestsPerCall         requests one call of {@code texts} texts makes
     * @param wallOfFiveOverWallOfOne median wall time with 5 concurrent requests ÷ with 1 (FLOAT)
     */
    record HostedFigures(int texts, int batchSize, int requestsPerCall, long serverDelayMillis,
                         List<HostedRun> runs, Double wallOfFiveOverWallOfOne) {
    }

    /**
     * One client setting.
     *
     * @param idealWallSeconds     rounds of requests × the server's delay: the wall time with no client cost
     * @param clientCpuMillisPer1000 the benchmark process's CPU time (client, JIT and GC; the server runs in
     *                               its own process) per 1,000 embeddings
     */
    record HostedRun(String embeddingType, int maxConcurrentRequests, double idealWallSeconds, Figure wallSeconds,
                     Figure clientCpuMillisPer1000) {
    }

    /**
     * Peak resident set sizes, from {@code /usr/bin/time -v}.
     *
     * @param processBytes    the process that measured this file's figures
     * @param engineOnlyBytes a process that only loads the engine and embeds the workload (absent where the
     *                        process above does just that)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PeakRss(Long processBytes, Long engineOnlyBytes) {
    }

    /**
     * Concurrent clients sending one input a request, back to back, to each variant in turn: the server with
     * batching, without, and the in-process engine.
     *
     * @param periodSeconds how long the clients send in each measured run (and each warm-up run)
     */
    record ServerLoadFigures(String scenario, int clients, double periodSeconds, List<LoadVariant> variants) {
    }

    /**
     * One variant's figures.
     *
     * @param settings                the server's properties beyond the suite's (absent in process)
     * @param throughput              inputs answered per second, all clients together, per measured run
     * @param latencyMillis           each request (or call) of the measured runs, from send to parsed answer
     * @param errors                  failed requests by kind (absent when none): http-STATUS, timeout,
     *                                connection, bad-vector (not 768-d finite), mismatch (cosine to the in-process
     *                                vector below the bound), other
     * @param minCosineToInProcess    the lowest cosine of a server's vector to the engine's for the same input
     * @param requestsPerEngineCall   the server's mean requests per engine call over the measured runs
     *                                ({@code jina_clip_server_batch_requests})
     * @param serverPeakRssBytes      the server process's peak RSS ({@code VmHWM})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LoadVariant(String variant, Map<String, String> settings, Figure throughput, Latency latencyMillis,
                       Map<String, Long> errors, Double minCosineToInProcess, Double requestsPerEngineCall,
                       Long serverPeakRssBytes) {
    }

    /** Percentiles over every measured request, in milliseconds. */
    record Latency(long count, double p50, double p99, double max) {
    }

    /**
     * Simultaneous requests to a server with a small queue.
     *
     * @param settings the server's admission properties
     * @param runs     one burst each
     */
    record BurstFigures(int requests, Map<String, String> settings, List<BurstRun> runs) {
    }

    /**
     * How one burst was answered.
     *
     * @param tooMany                 429 with a {@code Retry-After} header
     * @param tooManyWithoutRetryAfter 429 without one
     * @param other                   any other answer or failure (see {@code otherKinds})
     * @param allAnswered             every request answered 200 or 429 with {@code Retry-After}: none timed
     *                                out, lost its connection or got anything else
     * @param maxOkMillis             the slowest 200
     * @param maxTooManyMillis        the slowest 429
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BurstRun(int ok, int tooMany, int tooManyWithoutRetryAfter, int timeouts, int connectionErrors, int other,
                    Map<String, Long> otherKinds, boolean allAnswered, double maxOkMillis, double maxTooManyMillis) {
    }
}
