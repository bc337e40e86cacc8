package dev.jinaclip.benchmarks;

import dev.jinaclip.benchmarks.BenchResult.BurstRun;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@value Workloads#BURST_REQUESTS} requests released at once (a latch) against jina-clip-server admitting
 * {@value Workloads#BURST_MAX_PENDING} requests at once ({@value Workloads#BURST_MAX_BATCHES} engine calls): each must
 * be answered, 200 or 429 with {@code Retry-After}, none time out or lose its connection. Each request is one 640x480 JPEG, so
 * that the admitted ones hold the engine while the rest arrive.
 */
final class BurstBenchmark {

    /** How one request of a burst ended. */
    private record Outcome(String kind, double millis) {
    }

    private static final String OK = "200";
    private static final String TOO_MANY = "429";
    private static final String TOO_MANY_BARE = "429-without-retry-after";

    private BurstBenchmark() {
    }

    static BenchResult run(BenchOptions options) throws Exception {
        List<byte[]> bodies = Workloads.loadImages().stream().map(EmbeddingsHttp::imageBody).toList();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("jina-clip.server.max-concurrent-batches", Integer.toString(Workloads.BURST_MAX_BATCHES));
        properties.put("jina-clip.server.max-pending-requests", Integer.toString(Workloads.BURST_MAX_PENDING));
        List<BurstRun> runs = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(properties, options,
                options.results().resolve(Workloads.SERVER_BURST + ".server.log"))) {
            EmbeddingsHttp warmup = new EmbeddingsHttp(server.base());
            // the server's hot paths compiled, one request at a time, none refused
            for (int i = 0; i < options.warmups() * bodies.size(); i++) {
                warmup.embed(bodies.get(i % bodies.size()));
            }
            for (int run = 0; run < options.runs(); run++) {
                BurstRun burst = burst(new EmbeddingsHttp(server.base()), bodies);
                runs.add(burst);
                System.out.printf("burst %d/%d of %d: %d answered 200, %d 429 with Retry-After, %d 429 without,"
                        + " %d timed out, %d connection errors, other %s; slowest 200 %.0f ms, 429 %.0f ms%n",
                        run + 1, options.runs(), Workloads.BURST_REQUESTS, burst.ok(), burst.tooMany(),
                        burst.tooManyWithoutRetryAfter(), burst.timeouts(), burst.connectionErrors(),
                        burst.otherKinds(), burst.maxOkMillis(), burst.maxTooManyMillis());
                // the clients would wait the Retry-After before coming back
                Thread.sleep(1000);
            }
        }
        Map<String, Object> settings = options.settings();
        settings.put("server", ServerProcess.DESCRIPTION);
        settings.put("client", "JDK HttpClient, HTTP/1.1, a new one per burst; request timeout "
                + EmbeddingsHttp.REQUEST_TIMEOUT.toSeconds() + " s");
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("count", Workloads.BURST_REQUESTS);
        inputs.put("perRequest", 1);
        inputs.put("image", "JPEG 640x480");
        return new BenchResult(Workloads.SERVER_BURST, Workloads.BURST_REQUESTS + " simultaneous requests of one"
                + " 640x480 JPEG against a server admitting " + Workloads.BURST_MAX_PENDING + " requests at once ("
                + Workloads.BURST_MAX_BATCHES + " engine calls)", MachineInfo.current(), settings, inputs, null, null,
                null, null, null,
                new BenchResult.BurstFigures(Workloads.BURST_REQUESTS, properties, runs), null);
    }

    private static BurstRun burst(EmbeddingsHttp http, List<byte[]> bodies) throws Exception {
        CountDownLatch ready = new CountDownLatch(Workloads.BURST_REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(Workloads.BURST_REQUESTS);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < Workloads.BURST_REQUESTS; i++) {
                byte[] body = bodies.get(i % bodies.size());
                outcomes.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    long sent = System.nanoTime();
                    String kind = send(http, body);
                    return new Outcome(kind, (System.nanoTime() - sent) / 1e6);
                }));
            }
            ready.await();
            go.countDown();
            Map<String, Long> kinds = new TreeMap<>();
            double maxOk = 0;
            double maxTooMany = 0;
            for (Future<Outcome> future : outcomes) {
                Outcome outcome = future.get();
                kinds.merge(outcome.kind(), 1L, Long::sum);
                if (outcome.kind().equals(OK)) {
                    maxOk = Math.max(maxOk, outcome.millis());
                } else if (outcome.kind().startsWith(TOO_MANY)) {
                    maxTooMany = Math.max(maxTooMany, outcome.millis());
                }
            }
            int ok = take(kinds, OK);
            int tooMany = take(kinds, TOO_MANY);
            int bare = take(kinds, TOO_MANY_BARE);
            int timeouts = take(kinds, "timeout");
            int connection = take(kinds, "connection");
            int other = kinds.values().stream().mapToInt(Long::intValue).sum();
            return new BurstRun(ok, tooMany, bare, timeouts, connection, other, kinds.isEmpty() ? null : kinds,
                    ok + tooMany == Workloads.BURST_REQUESTS, maxOk, maxTooMany);
        } finally {
            threads.shutdownNow();
        }
    }

    // 200 only with one 768-d vector; 429 by whether it says when to come back
    private static String send(EmbeddingsHttp http, byte[] body) {
        try {
            HttpResponse<byte[]> response = http.send(body);
            return switch (response.statusCode()) {
                case 200 -> EmbeddingsHttp.vector(response).length == JinaClipOnnxConfig.MODEL.dimension() ? OK
                        : "bad-vector";
                case 429 -> response.headers().firstValue("Retry-After").isPresent() ? TOO_MANY : TOO_MANY_BARE;
                default -> "http-" + response.statusCode();
            };
        } catch (EmbeddingsHttp.Failure e) {
            return e.kind();
        }
    }

    private static int take(Map<String, Long> kinds, String kind) {
        Long count = kinds.remove(kind);
        return count == null ? 0 : count.intValue();
    }
}
