package dev.jinaclip.benchmarks;

import dev.jinaclip.api.EmbeddingType;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.benchmarks.BenchResult.Figure;
import dev.jinaclip.benchmarks.BenchResult.HostedRun;
import dev.jinaclip.core.ClipInput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosted client against {@link LocalEmbeddingsServer} in a process of its own: wall time of one call of many
 * short texts with 1 and with 5 requests in flight, and the client's CPU time per 1,000 embeddings for
 * {@code float} and {@code base64} answers.
 */
final class HostedBenchmark {

    static final long SERVER_DELAY_MILLIS = 100;
    // the warm-up calls are shorter than the measured ones: they only have to compile the client's hot paths
    private static final int WARMUP_TEXTS = 2_000;

    /** A client setting measured. */
    private record Setting(EmbeddingType type, int maxConcurrentRequests) {
    }

    private static final List<Setting> SETTINGS = List.of(new Setting(EmbeddingType.FLOAT, 1),
            new Setting(EmbeddingType.FLOAT, 5), new Setting(EmbeddingType.BASE64, 5));

    private HostedBenchmark() {
    }

    static BenchResult run(BenchOptions options) throws Exception {
        Process server = startServer();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (line == null || !line.startsWith(LocalEmbeddingsServer.PORT_LINE)) {
                throw new IllegalStateException("The local embeddings server did not start: " + line);
            }
            String baseUrl = "http://127.0.0.1:" + line.substring(LocalEmbeddingsServer.PORT_LINE.length());
            return measure(options, baseUrl);
        } finally {
            server.destroy();
        }
    }

    private static BenchResult measure(BenchOptions options, String baseUrl) throws Exception {
        List<ClipInput> texts = Workloads.shortTexts(options.hostedTexts(), 7000).stream().map(ClipInput::text)
                .toList();
        List<ClipInput> warmup = texts.subList(0, Math.min(texts.size(), WARMUP_TEXTS));
        List<JinaClipApiClient> clients = new ArrayList<>();
        try {
            for (Setting setting : SETTINGS) {
                clients.add(new JinaClipApiClient(JinaClipApiConfig.builder().apiKey("local-benchmark")
                        .baseUrl(baseUrl).embeddingType(setting.type())
                        .maxConcurrentRequests(setting.maxConcurrentRequests())
                        // a failed request fails the benchmark instead of hiding in a retry
                        .maxRetries(0).build()));
            }
            int batchSize = clients.get(0).config().maxBatchSize();
            List<List<Double>> walls = new ArrayList<>();
            List<List<Double>> cpus = new ArrayList<>();
            for (int i = 0; i < SETTINGS.size(); i++) {
                walls.add(new ArrayList<>());
                cpus.add(new ArrayList<>());
            }
            for (int round = -options.warmups(); round < options.runs(); round++) {
                for (int i = 0; i < SETTINGS.size(); i++) {
                    List<ClipInput> call = round < 0 ? warmup : texts;
                    JinaClipApiClient client = clients.get(i);
                    long cpuStart = processCpuNanos();
                    double seconds = Timing.seconds(
                            () -> EmbeddingChecks.requireVectors(client.embed(call), call.size()));
                    double cpuMillis = (processCpuNanos() - cpuStart) / 1e6;
                    if (round >= 0) {
                        walls.get(i).add(seconds);
                        cpus.get(i).add(cpuMillis / (call.size() / 1000.0));
                        System.out.printf("run %d/%d, %s: %.2f s wall, %.1f ms CPU per 1,000%n", round + 1,
                                options.runs(), SETTINGS.get(i), seconds, cpuMillis / (call.size() / 1000.0));
                    }
                }
            }
            int requests = (texts.size() + batchSize - 1) / batchSize;
            List<HostedRun> runs = new ArrayList<>();
            for (int i = 0; i < SETTINGS.size(); i++) {
                Setting setting = SETTINGS.get(i);
                int rounds = (requests + setting.maxConcurrentRequests() - 1) / setting.maxConcurrentRequests();
                runs.add(new HostedRun(setting.type().apiValue(), setting.maxConcurrentRequests(),
                        rounds * SERVER_DELAY_MILLIS / 1000.0, Figure.of("s", walls.get(i)),
                        Figure.of("ms CPU per 1,000 embeddings", cpus.get(i))));
            }
            Map<String, Object> settings = options.settings();
            settings.put("client", "JinaClipApiClient defaults but maxRetries 0; base URL " + baseUrl);
            settings.put("warmupTexts", warmup.size());
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("count", texts.size());
            inputs.put("words", Workloads.SHORT_WORDS);
            return new BenchResult(Workloads.HOSTED, texts.size() + " short texts through the hosted client"
                    + " against a local server answering after " + SERVER_DELAY_MILLIS + " ms",
                    MachineInfo.current(), settings, inputs, null, null, null,
                    new BenchResult.HostedFigures(texts.size(), batchSize, requests, SERVER_DELAY_MILLIS, runs,
                            runs.get(1).wallSeconds().median() / runs.get(0).wallSeconds().median()),
                    null, null, null);
        } finally {
            clients.forEach(JinaClipApiClient::close);
        }
    }

    private static Process startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LocalEmbeddingsServer.class.getName(), Long.toString(SERVER_DELAY_MILLIS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
