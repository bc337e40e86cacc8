package dev.jinaclip.benchmarks;

import dev.jinaclip.benchmarks.BenchResult.Figure;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.onnx.internal.ClipTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Callers of one engine, each repeating its cycle of calls: their total throughput and each call's duration, and
 * (through {@code run.sh}) the process's peak RSS. {@code concurrent}: 4 callers, each a call of short texts, long
 * texts and images, to set against the engine's memory bound; {@code texts-then-images}: one caller embedding the
 * short texts, then the 640x480 JPEGs, the everyday mix whose peak RSS issue 9 bounds.
 */
final class SharedEngineBenchmark {

    private SharedEngineBenchmark() {
    }

    static BenchResult run(String workload, BenchOptions options) throws Exception {
        JinaClipOnnxConfig config = BenchModels.engineConfig(maxTextTokens(workload), options);
        Map<String, Object> settings = options.settings();
        settings.put("engineConfig", config.toString());
        settings.put("cyclesPerCaller", options.cyclesPerCaller());
        try (JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config)) {
            List<List<List<ClipInput>>> cycles = new ArrayList<>();
            try (ClipTokenizer counter = BenchModels.tokenCounter(engine.files().tokenizer())) {
                if (workload.equals(Workloads.CONCURRENT)) {
                    for (int caller = 0; caller < Workloads.CONCURRENT_CALLERS; caller++) {
                        cycles.add(List.of(Workloads.concurrentMix(caller, text -> counter.encode(text, 0).length)));
                    }
                } else {
                    cycles.add(Workloads.textsThenImages());
                }
            }
            int callers = cycles.size();
            int perCycle = cycles.get(0).stream().mapToInt(List::size).sum();
            List<Double> throughputs = new ArrayList<>();
            List<Double> callSeconds = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                for (int round = -options.warmups(); round < options.runs(); round++) {
                    boolean measured = round >= 0;
                    int repeats = measured ? options.cyclesPerCaller() : 1;
                    long roundStart = System.nanoTime();
                    List<Future<?>> running = new ArrayList<>();
                    for (List<List<ClipInput>> cycle : cycles) {
                        running.add(pool.submit(() -> {
                            for (int repeat = 0; repeat < repeats; repeat++) {
                                for (List<ClipInput> call : cycle) {
                                    double seconds = Timing.seconds(
                                            () -> EmbeddingChecks.requireVectors(engine.embed(call), call.size()));
                                    if (measured) {
                                        callSeconds.add(seconds);
                                    }
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> caller : running) {
                        caller.get();
                    }
                    double seconds = Timing.secondsSince(roundStart);
                    if (measured) {
                        double throughput = callers * repeats * perCycle / seconds;
                        throughputs.add(throughput);
                        System.out.printf("run %d/%d: %d callers x %d cycles x %d inputs in %.2f s: %.3f items/s%n",
                                round + 1, options.runs(), callers, repeats, perCycle, seconds, throughput);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("cycle", describeCycle(workload));
            inputs.put("count", perCycle);
            return new BenchResult(workload, describe(workload), MachineInfo.current(), settings, inputs, null, null,
                    new BenchResult.ConcurrentFigures(callers, options.cyclesPerCaller(), perCycle,
                            Figure.of(LocalBenchmark.ITEMS_PER_SECOND, throughputs), Figure.of("s", callSeconds)),
                    null, null, null, null);
        }
    }

    private static int maxTextTokens(String workload) {
        return workload.equals(Workloads.CONCURRENT) ? Workloads.LONG_MAX_TEXT_TOKENS
                : JinaClipOnnxConfig.DEFAULT_MAX_TEXT_TOKENS;
    }

    private static String describe(String workload) {
        return workload.equals(Workloads.CONCURRENT)
                ? Workloads.CONCURRENT_CALLERS + " concurrent callers of one engine"
                : "one caller: the short texts, then the 640x480 JPEGs";
    }

    private static String describeCycle(String workload) {
        return workload.equals(Workloads.CONCURRENT)
                ? "one call of " + Workloads.MIX_SHORT_TEXTS + " texts of " + Workloads.SHORT_WORDS + " words, "
                        + Workloads.MIX_LONG_TEXTS + " of about " + Workloads.LONG_TOKENS + " tokens, "
                        + Workloads.MIX_IMAGES + " JPEGs of 640x480, shuffled; different inputs per caller"
                : "a call of " + Workloads.SHORT_COUNT + " texts of " + Workloads.SHORT_WORDS
                        + " words, then a call of " + Workloads.IMAGE_COUNT
                        + " JPEGs of 640x480 (the inputs of short-texts and images)";
    }
}
