package dev.jinaclip.benchmarks;

import dev.jinaclip.benchmarks.BenchResult.Figure;
import dev.jinaclip.benchmarks.BenchResult.LoadVariant;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@value Workloads#LOAD_CLIENTS} clients sending one input a request, back to back, to jina-clip-server with
 * dynamic batching (its defaults, and with two engine calls at once), to the server without it ({@code batch-max-inputs=1}: each request its own engine
 * call, with no wait), and calling one shared in-process engine: throughput, latency percentiles, errors by kind,
 * and every server answer compared with the engine's vector for the same input.
 */
final class ServerLoadBenchmark {

    /** A server variant: its name, its log file's suffix, and the properties that make it. */
    private record ServerVariant(String name, String logName, Map<String, String> properties) {
    }

    private static final List<ServerVariant> SERVERS = List.of(
            new ServerVariant("server, dynamic batching (defaults)", "batching", Map.of()),
            new ServerVariant("server, dynamic batching, two engine calls at once", "batching-two-calls",
                    Map.of("jina-clip.server.max-concurrent-batches", "2")),
            new ServerVariant("server, no batching", "no-batching",
                    Map.of("jina-clip.server.batch-max-inputs", "1")));
    private static final String IN_PROCESS = "in-process engine, one shared";
    private static final String BATCH_REQUESTS = "jina_clip_server_batch_requests";

    private ServerLoadBenchmark() {
    }

    static BenchResult run(String workload, BenchOptions options) throws Exception {
        boolean texts = workload.equals(Workloads.SERVER_TEXTS);
        List<ClipInput> inputs = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        if (texts) {
            for (String text : Workloads.shortTexts(Workloads.LOAD_TEXTS, 20_000)) {
                inputs.add(ClipInput.text(text));
                bodies.add(EmbeddingsHttp.textBody(text));
            }
        } else {
            for (byte[] jpeg : Workloads.loadImages()) {
                inputs.add(ClipInput.imageBytes(jpeg));
                bodies.add(EmbeddingsHttp.imageBody(jpeg));
            }
        }
        List<LoadVariant> variants = new ArrayList<>();
        JinaClipOnnxConfig config = BenchModels.engineConfig(JinaClipOnnxConfig.DEFAULT_MAX_TEXT_TOKENS, options);
        List<float[]> expected = new ArrayList<>();
        // the engine first, alone in the machine, then closed so that its memory is free for the servers
        try (JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config)) {
            for (ClipInput input : inputs) {
                expected.add(engine.embed(List.of(input)).vectors().get(0));
            }
            try (LoadClients clients = new LoadClients(Workloads.LOAD_CLIENTS, expected)) {
                List<LoadClients.Period> periods = measure(IN_PROCESS, clients,
                        index -> engine.embed(List.of(inputs.get(index))).vectors().get(0), options, () -> { });
                variants.add(variant(IN_PROCESS, Map.of(), periods, null, null));
            }
        }
        for (ServerVariant server : SERVERS) {
            variants.add(measureServer(workload, server, bodies, expected, options));
        }
        Map<String, Object> settings = options.settings();
        settings.put("server", ServerProcess.DESCRIPTION);
        settings.put("engineConfig", config.toString());
        settings.put("periodSeconds", options.periodSeconds());
        settings.put("client", "JDK HttpClient, HTTP/1.1 keep-alive, one shared; Jina request shape, float answers;"
                + " request timeout " + EmbeddingsHttp.REQUEST_TIMEOUT.toSeconds() + " s");
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("count", inputs.size());
        described.put("perRequest", 1);
        described.put(texts ? "words" : "image", texts ? Workloads.SHORT_WORDS : "JPEG 640x480");
        String what = texts ? "one text of " + Workloads.SHORT_WORDS + " words" : "one 640x480 JPEG (base64)";
        return new BenchResult(workload, Workloads.LOAD_CLIENTS + " clients, " + what + " a request",
                MachineInfo.current(), settings, described, null, null, null, null,
                new BenchResult.ServerLoadFigures(texts ? "texts" : "images", Workloads.LOAD_CLIENTS,
                        options.periodSeconds(), variants), null, null);
    }

    private static LoadVariant measureServer(String workload, ServerVariant variant, List<byte[]> bodies,
            List<float[]> expected, BenchOptions options) throws Exception {
        Path log = options.results().resolve(workload + ".server-" + variant.logName() + ".log");
        try (ServerProcess server = ServerProcess.start(variant.properties(), options, log);
                LoadClients clients = new LoadClients(Workloads.LOAD_CLIENTS, expected)) {
            EmbeddingsHttp http = new EmbeddingsHttp(server.base());
            LoadClients.Call call = index -> http.embed(bodies.get(index));
            double[][] before = new double[1][];
            List<LoadClients.Period> periods = measure(variant.name(), clients, call, options,
                    () -> before[0] = server.summary(http.client(), BATCH_REQUESTS));
            double[] after = server.summary(http.client(), BATCH_REQUESTS);
            double calls = after[1] - before[0][1];
            Double perCall = calls > 0 ? (after[0] - before[0][0]) / calls : null;
            return variant(variant.name(), variant.properties(), periods, perCall, server.peakRssBytes());
        }
    }

    /** The warm-up periods, then {@code warmedUp}, then the measured periods. */
    private static List<LoadClients.Period> measure(String name, LoadClients clients, LoadClients.Call call,
            BenchOptions options, Timing.Work warmedUp) throws Exception {
        List<LoadClients.Period> periods = new ArrayList<>();
        for (int round = -options.warmups(); round < options.runs(); round++) {
            if (round == 0) {
                warmedUp.run();
            }
            LoadClients.Period period = clients.run(call, options.periodSeconds());
            report(name, round, options, period);
            if (round >= 0) {
                periods.add(period);
            }
        }
        return periods;
    }

    private static LoadVariant variant(String name, Map<String, String> properties, List<LoadClients.Period> periods,
            Double requestsPerEngineCall, Long peakRss) {
        Map<String, Long> errors = new TreeMap<>();
        double minCosine = 1;
        for (LoadClients.Period period : periods) {
            period.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
            minCosine = Math.min(minCosine, period.minCosine);
        }
        return new LoadVariant(name, properties.isEmpty() ? null : properties,
                Figure.of("inputs/s", periods.stream().map(LoadClients.Period::throughput).toList()),
                LoadClients.latency(periods), errors.isEmpty() ? null : errors, minCosine, requestsPerEngineCall,
                peakRss);
    }

    private static void report(String name, int round, BenchOptions options, LoadClients.Period period) {
        System.out.printf("%s, %s: %d answered in %.1f s, %.1f inputs/s, errors %s, lowest cosine %.6f%n", name,
                round < 0 ? "warm-up" : "run " + (round + 1) + "/" + options.runs(), period.latencyNanos.size(),
                period.seconds, period.throughput(), period.errors, period.minCosine);
    }
}
