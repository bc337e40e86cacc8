package dev.jinaclip.benchmarks;

import ai.onnxruntime.OrtException;
import dev.jinaclip.benchmarks.BatchLayouts.Layout;
import dev.jinaclip.benchmarks.BenchResult.Figure;
import dev.jinaclip.benchmarks.BenchResult.LayoutFigure;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.onnx.internal.ClipTokenizer;
import java.awt.Dimension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A local workload measured three ways in one JVM, with the same intra-op threads: end to end
 * ({@code engine.embed}), raw {@code OrtSession.run} on tensors prepared in advance (the engine's batch layout and
 * a sweep of others), and preprocessing alone on one thread. End to end and every raw layout run in turn within
 * each round, so that they are compared side by side.
 */
final class LocalBenchmark {

    static final String ITEMS_PER_SECOND = "items/s";

    private final LocalWorkload workload;
    private final BenchOptions options;

    private LocalBenchmark(LocalWorkload workload, BenchOptions options) {
        this.workload = workload;
        this.options = options;
    }

    static BenchResult run(LocalWorkload workload, BenchOptions options) throws Exception {
        return new LocalBenchmark(workload, options).run();
    }

    private BenchResult run() throws Exception {
        JinaClipOnnxConfig config = BenchModels.engineConfig(workload.maxTextTokens(), options);
        Map<String, Object> settings = options.settings();
        settings.put("engineConfig", config.toString());
        settings.put("rawSessions", RawRunner.describe(config.intraOpThreads(), config.optimizationLevel()));
        settings.put("maxSweepPaddedTokens", options.maxSweepPaddedTokens());
        // the engine loads first in the process: nothing of ONNX Runtime or the tokenizer is loaded before it
        long start = System.nanoTime();
        try (JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config)) {
            double loadSeconds = Timing.secondsSince(start);
            ClipInput first = Workloads.firstInput(workload);
            double firstCall = Timing.seconds(() -> engine.embed(List.of(first)));
            BenchResult.Load load = new BenchResult.Load(loadSeconds, loadSeconds + firstCall,
                    Workloads.firstInputDescription(workload));
            System.out.printf("%s: engine loaded in %.2f s, first embedding after %.2f s%n", workload.name(),
                    loadSeconds, load.timeToFirstEmbeddingSeconds());
            LocalWorkload.Inputs inputs;
            try (ClipTokenizer counter = BenchModels.tokenCounter(engine.files().tokenizer())) {
                inputs = Workloads.inputs(workload, text -> counter.encode(text, 0).length);
            }
            // tokenised exactly as the engine does: its tokenizer file, maxTextTokens and truncation setting
            try (ClipTokenizer tokenizer = workload.text() ? new ClipTokenizer(engine.files().tokenizer(),
                    config.maxTextTokens(), config.failOnTruncation()) : null) {
                long[][] ids = workload.text() ? tokenize(tokenizer, inputs.texts()) : null;
                Map<String, Object> described = describe(inputs, ids, engine.imagePreprocessor());
                BenchResult.LocalFigures figures = options.engineOnly() ? endToEndOnly(engine, inputs)
                        : threeWays(engine, inputs, workload.text() ? textSide(engine, inputs, tokenizer, ids)
                                : imageSide(engine, inputs));
                return new BenchResult(workload.name(), workload.description(), MachineInfo.current(), settings,
                        described, load, figures, null, null, null, null, null);
            }
        }
    }

    private BenchResult.LocalFigures endToEndOnly(JinaClipOnnxEngine engine, LocalWorkload.Inputs inputs)
            throws Exception {
        Figure endToEnd = Figure.of(ITEMS_PER_SECOND, throughputs(endToEnd(engine, inputs), inputs.size()));
        System.out.printf("%s: end to end %.3f items/s%n", workload.name(), endToEnd.median());
        return new BenchResult.LocalFigures(endToEnd, null, null, null, null, null, null);
    }

    private BenchResult.LocalFigures threeWays(JinaClipOnnxEngine engine, LocalWorkload.Inputs inputs, RawSide side)
            throws Exception {
        JinaClipOnnxConfig config = engine.config();
        // the engine's layout first; a swept layout that batches as it does is measured once, as the engine's
        List<Layout> layouts = BatchLayouts.distinct(side.layouts());
        Timing.Work endToEnd = endToEnd(engine, inputs);
        int count = inputs.size();
        List<Double> endToEndRuns = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        try (RawRunner runner = new RawRunner(side.model(), config.intraOpThreads(), config.optimizationLevel())) {
            try {
                for (Layout layout : layouts) {
                    candidates.add(new Candidate(layout, side.shapes().apply(layout), side.preparer()
                            .prepare(runner, layout), new ArrayList<>()));
                }
                for (int round = -options.warmups(); round < options.runs(); round++) {
                    StringBuilder progress = new StringBuilder();
                    // each round starts one variant later: what runs right after another (whose ONNX Runtime
                    // threads still spin for a moment) takes no fixed place
                    int variants = candidates.size() + 1;
                    for (int k = 0; k < variants; k++) {
                        int variant = Math.floorMod(round + k, variants);
                        if (variant == 0) {
                            double seconds = Timing.seconds(endToEnd);
                            if (round >= 0) {
                                endToEndRuns.add(count / seconds);
                            }
                            progress.append(String.format("; end to end %.3f", count / seconds));
                        } else {
                            Candidate candidate = candidates.get(variant - 1);
                            double raw = Timing.seconds(candidate.prepared()::run);
                            if (round >= 0) {
                                candidate.throughputs().add(count / raw);
                            }
                            progress.append(String.format("; %s %.3f", candidate.layout().name(), count / raw));
                        }
                    }
                    progress.delete(0, 2);
                    System.out.printf("%s (items/s): %s%n", round < 0 ? "warm-up" : "run " + (round + 1) + "/"
                            + options.runs(), progress);
                }
            } finally {
                candidates.forEach(candidate -> candidate.prepared().close());
            }
        }
        Figure preprocessing = Figure.of(side.preprocessingUnit(), throughputs(side.preprocessing(), count));
        List<LayoutFigure> raw = candidates.stream().map(Candidate::figure).toList();
        LayoutFigure engineLayout = raw.get(0);
        LayoutFigure best = raw.stream().max(Comparator.comparingDouble(figure -> figure.throughput().median()))
                .orElseThrow();
        Figure endToEndFigure = Figure.of(ITEMS_PER_SECOND, endToEndRuns);
        System.out.printf("%s: end to end %.3f items/s, raw engine layout %.3f, best raw %.3f (%s)%n",
                workload.name(), endToEndFigure.median(), engineLayout.throughput().median(),
                best.throughput().median(), best.layout());
        return new BenchResult.LocalFigures(endToEndFigure, engineLayout, raw.subList(1, raw.size()), best,
                preprocessing, endToEndFigure.median() / best.throughput().median(),
                endToEndFigure.median() / engineLayout.throughput().median());
    }

    private RawSide textSide(JinaClipOnnxEngine engine, LocalWorkload.Inputs inputs, ClipTokenizer tokenizer,
                             long[][] ids) {
        int[] lengths = Arrays.stream(ids).mapToInt(row -> row.length).toArray();
        List<Layout> layouts = new ArrayList<>();
        layouts.add(BatchLayouts.engineTexts(lengths, engine.config()));
        layouts.addAll(BatchLayouts.textSweep(lengths, options.maxSweepPaddedTokens()));
        return new RawSide(engine.files().textModel(), layouts, layout -> BatchLayouts.textShapes(layout, lengths),
                (runner, layout) -> runner.texts(ids, layout), () -> tokenize(tokenizer, inputs.texts()), "texts/s");
    }

    private static RawSide imageSide(JinaClipOnnxEngine engine, LocalWorkload.Inputs inputs) {
        ClipImagePreprocessor preprocessor = engine.imagePreprocessor();
        float[][] pixelValues = inputs.images().stream().map(preprocessor::pixelValues).toArray(float[][]::new);
        List<Layout> layouts = new ArrayList<>();
        layouts.add(BatchLayouts.engineImages(inputs.size(), engine.config()));
        layouts.addAll(BatchLayouts.imageSweep(inputs.size()));
        float[] buffer = new float[preprocessor.pixelValuesLength()];
        return new RawSide(engine.files().visionModel(), layouts, BatchLayouts::imageShapes,
                (runner, layout) -> runner.images(pixelValues, preprocessor.imageSize(), layout),
                () -> inputs.images().forEach(jpeg -> preprocessor.writePixelValues(jpeg, buffer, 0)), "images/s");
    }

    private static Timing.Work endToEnd(JinaClipOnnxEngine engine, LocalWorkload.Inputs inputs) {
        List<ClipInput> call = inputs.clipInputs();
        return () -> EmbeddingChecks.requireVectors(engine.embed(call), call.size());
    }

    /** Items per second of each measured run of {@code work}, after the warm-up runs. */
    private List<Double> throughputs(Timing.Work work, int items) throws Exception {
        List<Double> throughputs = new ArrayList<>();
        for (int round = -options.warmups(); round < options.runs(); round++) {
            double seconds = Timing.seconds(work);
            if (round >= 0) {
                throughputs.add(items / seconds);
            }
        }
        return throughputs;
    }

    private static long[][] tokenize(ClipTokenizer tokenizer, List<String> texts) {
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenizer.encode(texts.get(i), i);
        }
        return ids;
    }

    private Map<String, Object> describe(LocalWorkload.Inputs inputs, long[][] ids,
                                         ClipImagePreprocessor preprocessor) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("count", inputs.size());
        if (ids != null) {
            List<Integer> tokens = Arrays.stream(ids).map(row -> row.length).toList();
            described.put("tokenCounts", tokens);
            described.put("totalTokens", tokens.stream().mapToInt(Integer::intValue).sum());
            System.out.printf("%s: token counts (engine's tokenizer) %s%n", workload.name(),
                    tokens.size() > 16 ? tokens.subList(0, 16) + "..." : tokens);
        } else {
            Dimension size = preprocessor.declaredSize(inputs.images().get(0));
            described.put("width", size.width);
            described.put("height", size.height);
            described.put("jpegBytes", inputs.images().stream().mapToLong(jpeg -> jpeg.length).sum());
            described.put("jpegQuality", BenchInputs.JPEG_QUALITY);
        }
        return described;
    }

    /** Makes a layout's tensors. */
    private interface Preparer {
        RawRunner.Prepared prepare(RawRunner runner, Layout layout) throws OrtException;
    }

    /**
     * What the raw and preprocessing measurements of one kind of input need.
     *
     * @param layouts       the engine's layout, then the swept ones
     * @param preprocessing the engine's preprocessing of every input, on this thread
     */
    private record RawSide(Path model, List<Layout> layouts, Function<Layout, List<String>> shapes,
                           Preparer preparer, Timing.Work preprocessing, String preprocessingUnit) {
    }

    /** A raw layout, its tensors, and its measured throughputs. */
    private record Candidate(Layout layout, List<String> shapes, RawRunner.Prepared prepared,
                             List<Double> throughputs) {
        LayoutFigure figure() {
            return new LayoutFigure(layout.name(), shapes, Figure.of(ITEMS_PER_SECOND, throughputs));
        }
    }
}
