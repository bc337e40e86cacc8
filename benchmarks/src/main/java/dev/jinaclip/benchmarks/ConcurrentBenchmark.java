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
 * Callers sharing one engine, each embedding a mix of short texts, long texts and images: their total
 * throughput, and (through {@code run.sh}) the process's peak RSS, to set against the engine's memory bound.
 */
final class ConcurrentBenchmark {

    private ConcurrentBenchmark() {
    }

    static BenchResult run(BenchOptions options) throws Exception {
        JinaClipOnnxConfig config = BenchModels.engineConfig(Workloads.LONG_MAX_TEXT_TOKENS,
                options.intraOpThreads());
        Map<String, Object> settings = options.settings();
        settings.put("engineConfig", config.toString());
        settings.put("callsPerCaller", options.callsPerCaller());
        int callers = Workloads.CONCURRENT_CALLERS;
        try (JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config)) {
            List<List<ClipInput>> mixes = new ArrayList<>();
            try (ClipTokenizer counter = BenchModels.tokenCounter(engine.files().tokenizer())) {
                for (int caller = 0; caller < callers; caller++) {
                    mixes.add(Workloads.concurrentMix(caller, text -> counter.encode(text, 0).length));
                }
            }
            int perCall = mixes.get(0).size();
            List<Double> throughputs = new ArrayList<>();
            List<Double> callSeconds = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                for (int round = -options.warmups(); round < options.runs(); round++) {
                    boolean measured = round >= 0;
                    int calls = measured ? options.callsPerCaller() : 1;
                    long roundStart = System.nanoTime();
                    List<Future<?>> running = new ArrayList<>();
                    for (List<ClipInput> mix : mixes) {
                        running.add(pool.submit(() -> {
                            for (int call = 0; call < calls; call++) {
                                double seconds = Timing.seconds(
                                        () -> EmbeddingChecks.requireVectors(engine.embed(mix), mix.size()));
                                if (measured) {
                                    callSeconds.add(seconds);
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
                        throughputs.add(callers * calls * perCall / seconds);
                        System.out.printf("run %d/%d: %d callers x %d calls x %d inputs in %.2f s: %.3f items/s%n",
                                round + 1, options.runs(), callers, calls, perCall, seconds,
                                callers * calls * perCall / seconds);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("perCall", Workloads.MIX_SHORT_TEXTS + " texts of " + Workloads.SHORT_WORDS + " words, "
                    + Workloads.MIX_LONG_TEXTS + " of about " + Workloads.LONG_TOKENS + " tokens, "
                    + Workloads.MIX_IMAGES + " JPEGs of 640x480, shuffled; different inputs per caller");
            inputs.put("count", perCall);
            return new BenchResult(Workloads.CONCURRENT, callers + " concurrent callers of one engine",
                    MachineInfo.current(), settings, inputs, null, null,
                    new BenchResult.ConcurrentFigures(callers, options.callsPerCaller(), perCall,
                            Figure.of(LocalBenchmark.ITEMS_PER_SECOND, throughputs), Figure.of("s", callSeconds)),
                    null, null);
        }
    }
}
