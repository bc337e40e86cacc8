package dev.jinaclip.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line options of a workload run.
 *
 * @param runs                 measured runs per figure
 * @param warmups              unmeasured runs before them
 * @param intraOpThreads       ONNX Runtime intra-op threads of the engine and of the raw sessions
 * @param engineOnly           only load the engine and embed the workload end to end (for its peak RSS)
 * @param cyclesPerCaller      how often each caller of a shared-engine workload runs its calls per measured run
 * @param hostedTexts          texts of one hosted call
 * @param maxSweepPaddedTokens largest batch (rows × padded length) a swept text layout may have
 * @param results              folder of the result files
 * @param periodSeconds        how long the clients of a server load workload send, per run
 */
record BenchOptions(int runs, int warmups, int intraOpThreads, boolean engineOnly, int cyclesPerCaller,
                    int hostedTexts, int maxSweepPaddedTokens, Long maxInferenceMemory, Path results,
                    double periodSeconds) {

    /**
     * Default largest swept text batch: 4 texts of 2,000 tokens, past the best layout of long texts (2 rows,
     * issue 9) and within memory: the raw session's arena comes on top of the engine's in the same process.
     */
    static final int DEFAULT_MAX_SWEEP_TOKENS = 8192;
    static final int DEFAULT_RUNS = 5;
    static final int DEFAULT_WARMUPS = 1;
    static final int DEFAULT_CALLS_PER_CALLER = 3;
    static final int DEFAULT_HOSTED_TEXTS = 20_000;
    static final Path DEFAULT_RESULTS = Path.of("benchmarks/target/results");
    static final double DEFAULT_PERIOD_SECONDS = 20;

    static final String USAGE = """
            options:
              --runs N                 measured runs per figure (default %d)
              --warmup N               unmeasured runs before them (default %d)
              --threads N              ONNX Runtime intra-op threads (default: available processors)
              --engine-only            load the engine and embed end to end only (run.sh uses it for peak RSS)
              --calls N                cycles of calls per caller per run, shared-engine workloads (default %d)
              --hosted-texts N         texts per call in 'hosted' (default %d)
              --max-sweep-tokens N     largest swept text batch, rows x padded length (default %d)
              --max-inference-memory M the engine's maxInferenceMemory, in MiB (default: the engine's)
              --results DIR            where the JSON files go (default %s)
              --duration S             seconds the clients send per run, server-texts/-images (default %.0f)"""
            .formatted(DEFAULT_RUNS, DEFAULT_WARMUPS, DEFAULT_CALLS_PER_CALLER, DEFAULT_HOSTED_TEXTS,
                    DEFAULT_MAX_SWEEP_TOKENS, DEFAULT_RESULTS, DEFAULT_PERIOD_SECONDS);

    static BenchOptions parse(List<String> args) {
        int runs = DEFAULT_RUNS;
        int warmups = DEFAULT_WARMUPS;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean engineOnly = false;
        int calls = DEFAULT_CALLS_PER_CALLER;
        int hostedTexts = DEFAULT_HOSTED_TEXTS;
        int maxSweepTokens = DEFAULT_MAX_SWEEP_TOKENS;
        Long maxInferenceMemory = null;
        Path results = DEFAULT_RESULTS;
        double periodSeconds = DEFAULT_PERIOD_SECONDS;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--engine-only")) {
                engineOnly = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("Unknown option or missing value: " + option + "\n" + USAGE);
            }
            String value = args.get(++i);
            switch (option) {
                case "--runs" -> runs = positive(option, value);
                case "--warmup" -> warmups = atLeast(option, value, 0);
                case "--threads" -> threads = positive(option, value);
                case "--calls" -> calls = positive(option, value);
                case "--hosted-texts" -> hostedTexts = positive(option, value);
                case "--max-sweep-tokens" -> maxSweepTokens = positive(option, value);
                case "--max-inference-memory" -> maxInferenceMemory = positive(option, value) * (1L << 20);
                case "--results" -> results = Path.of(value);
                case "--duration" -> periodSeconds = positiveSeconds(option, value);
                default -> throw new UsageException("Unknown option " + option + "\n" + USAGE);
            }
        }
        return new BenchOptions(runs, warmups, threads, engineOnly, calls, hostedTexts, maxSweepTokens,
                maxInferenceMemory, results, periodSeconds);
    }

    /** The settings every result records. */
    Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("runs", runs);
        settings.put("warmupRuns", warmups);
        settings.put("intraOpThreads", intraOpThreads);
        settings.put("engineOnly", engineOnly);
        settings.put("javaOpts", System.getenv().getOrDefault("JAVA_OPTS", ""));
        settings.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        settings.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        settings.put("models", BenchModels.modelsDirectory().toString());
        return settings;
    }

    /** A command line the suite does not understand. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static double positiveSeconds(String option, String value) {
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes seconds, not '" + value + "'");
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new UsageException(option + " must be a positive number of seconds, was " + value);
        }
        return seconds;
    }

    private static int positive(String option, String value) {
        return atLeast(option, value, 1);
    }

    private static int atLeast(String option, String value, int min) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a number, not '" + value + "'");
        }
        if (number < min) {
            throw new UsageException(option + " must be at least " + min + ", was " + number);
        }
        return number;
    }
}
