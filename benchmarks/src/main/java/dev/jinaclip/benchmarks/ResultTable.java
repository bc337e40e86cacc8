package dev.jinaclip.benchmarks;

import dev.jinaclip.benchmarks.BenchResult.Figure;
import java.util.List;
import java.util.Locale;

/** Markdown tables of the results, for docs/benchmarks.md. */
final class ResultTable {

    private ResultTable() {
    }

    static String markdown(List<BenchResult> results) {
        StringBuilder md = new StringBuilder();
        BenchResult.Machine machine = results.get(0).machine();
        md.append(String.format(Locale.ROOT, "Machine: %s, %d cores, %.0f GB, %s, %s, ONNX Runtime %s, %s; runs %s "
                        + "(warm-up %s), intra-op threads %s. Figures: median (min–max).%n%n", machine.cpuModel(),
                machine.cores(), machine.ramBytes() / 1e9, machine.os(), machine.jvm(), machine.onnxRuntime(),
                machine.date(), results.get(0).settings().get("runs"), results.get(0).settings().get("warmupRuns"),
                results.get(0).settings().get("intraOpThreads")));
        List<BenchResult> local = results.stream().filter(r -> r.local() != null).toList();
        if (!local.isEmpty()) {
            md.append("| workload | end to end, items/s | raw, engine layout | raw, best layout"
                    + " | end to end ÷ best raw | preprocessing alone, one thread | load / first embedding"
                    + " | peak RSS, engine only / whole run |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (BenchResult r : local) {
                BenchResult.LocalFigures f = r.local();
                md.append("| ").append(r.workload()).append(": ").append(r.description())
                        .append(" | ").append(figure(f.endToEnd()))
                        .append(" | ").append(f.rawEngineLayout() == null ? "–"
                                : figure(f.rawEngineLayout().throughput()))
                        .append(" | ").append(f.rawBest() == null ? "–"
                                : figure(f.rawBest().throughput()) + ", " + f.rawBest().layout())
                        .append(" | ").append(f.endToEndOverBestRaw() == null ? "–"
                                : String.format(Locale.ROOT, "%.3f", f.endToEndOverBestRaw()))
                        .append(" | ").append(f.preprocessing() == null ? "–"
                                : figure(f.preprocessing()) + " " + f.preprocessing().unit())
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f s / %.2f s",
                                r.load().engineLoadSeconds(), r.load().timeToFirstEmbeddingSeconds()))
                        .append(" | ").append(rss(r)).append(" |\n");
            }
            md.append('\n');
        }
        for (BenchResult r : results) {
            if (r.concurrent() != null) {
                BenchResult.ConcurrentFigures c = r.concurrent();
                md.append("| ").append(r.workload()).append(": callers × cycles × inputs a cycle"
                        + " | throughput, items/s | one call, s | peak RSS |\n");
                md.append("|---|---|---|---|\n");
                md.append(String.format(Locale.ROOT, "| %d × %d × %d | %s | %s | %s |%n%n", c.callers(),
                        c.cyclesPerCaller(), c.inputsPerCycle(), figure(c.throughput()), figure(c.callSeconds()),
                        rss(r)));
            }
            if (r.hosted() != null) {
                BenchResult.HostedFigures h = r.hosted();
                md.append(String.format(Locale.ROOT, "Hosted: %d texts, %d a request (%d requests), server delay "
                        + "%d ms; wall with 5 requests in flight ÷ with 1: %.3f.%n%n", h.texts(), h.batchSize(),
                        h.requestsPerCall(), h.serverDelayMillis(), h.wallOfFiveOverWallOfOne()));
                md.append("| embedding_type | maxConcurrentRequests | wall, s | no-cost wall, s "
                        + "| client CPU, ms per 1,000 |\n");
                md.append("|---|---|---|---|---|\n");
                for (BenchResult.HostedRun run : h.runs()) {
                    md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %s |%n", run.embeddingType(),
                            run.maxConcurrentRequests(), figure(run.wallSeconds()), run.idealWallSeconds(),
                            figure(run.clientCpuMillisPer1000())));
                }
                md.append('\n');
            }
            if (r.serverLoad() != null) {
                serverLoad(md, r);
            }
            if (r.burst() != null) {
                burst(md, r.burst());
            }
        }
        return md.toString();
    }

    private static void serverLoad(StringBuilder md, BenchResult r) {
        BenchResult.ServerLoadFigures load = r.serverLoad();
        md.append(String.format(Locale.ROOT, "%s: %s, %s s a run.%n%n", r.workload(), r.description(),
                number(load.periodSeconds())));
        md.append("| variant | throughput, inputs/s | latency p50 / p99 / max, ms | requests per engine call"
                + " | errors | lowest cosine to the engine | server peak RSS |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (BenchResult.LoadVariant v : load.variants()) {
            BenchResult.Latency l = v.latencyMillis();
            md.append("| ").append(v.variant())
                    .append(" | ").append(figure(v.throughput()))
                    .append(" | ").append(number(l.p50())).append(" / ").append(number(l.p99())).append(" / ")
                    .append(number(l.max()))
                    .append(" | ").append(v.requestsPerEngineCall() == null ? "–" : number(v.requestsPerEngineCall()))
                    .append(" | ").append(v.errors() == null ? "none" : v.errors().toString())
                    .append(" | ").append(String.format(Locale.ROOT, "%.6f", v.minCosineToInProcess()))
                    .append(" | ").append(gigabytes(v.serverPeakRssBytes())).append(" |\n");
        }
        md.append('\n');
    }

    private static void burst(StringBuilder md, BenchResult.BurstFigures burst) {
        md.append("Burst: ").append(burst.requests()).append(" simultaneous requests, server ")
                .append(burst.settings()).append(".\n\n");
        md.append("| burst | 200 | 429 with Retry-After | 429 without | timeouts | connection errors | other"
                + " | all answered | slowest 200 / 429, ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < burst.runs().size(); i++) {
            BenchResult.BurstRun b = burst.runs().get(i);
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %s | %s | %s / %s |%n", i + 1, b.ok(),
                    b.tooMany(), b.tooManyWithoutRetryAfter(), b.timeouts(), b.connectionErrors(),
                    b.otherKinds() == null ? "0" : b.otherKinds().toString(),
                    b.allAnswered() ? "yes" : "no", number(b.maxOkMillis()),
                    number(b.maxTooManyMillis())));
        }
        md.append('\n');
    }

    static String figure(Figure figure) {
        return number(figure.median()) + " (" + number(figure.min()) + "–" + number(figure.max()) + ")";
    }

    // three significant digits, at most
    static String number(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    private static String rss(BenchResult r) {
        if (r.peakRss() == null) {
            return "–";
        }
        String whole = gigabytes(r.peakRss().processBytes());
        return r.peakRss().engineOnlyBytes() == null ? whole : gigabytes(r.peakRss().engineOnlyBytes()) + " / " + whole;
    }

    private static String gigabytes(Long bytes) {
        return bytes == null ? "–" : String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
