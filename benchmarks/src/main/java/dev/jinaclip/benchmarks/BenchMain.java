package dev.jinaclip.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The suite's entry point, run by {@code benchmarks/run.sh}: one workload per JVM, or the chart and table of the
 * results.
 */
public final class BenchMain {

    private static final String USAGE = """
            usage: BenchMain <command> [options]
              <workload>          one of %s; writes <results>/<workload>.json
              list                the workloads, one a line, with 'local' after those measured three ways
              chart               draws <results>/chart.png from the result files
              table               prints the results as markdown tables
              record-rss FILE FIELD KB   sets peakRss.FIELD of a result file (run.sh does this)
            """.formatted(Workloads.ALL) + BenchOptions.USAGE;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        try {
            run(args[0], Arrays.asList(args).subList(1, args.length));
        } catch (BenchOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        // no thread of the engine or the client may keep the JVM, and so the run script, waiting
        System.exit(0);
    }

    private static void run(String command, List<String> rest) throws Exception {
        switch (command) {
            case "list" -> Workloads.ALL.forEach(workload ->
                    System.out.println(workload + (Workloads.LOCAL.contains(workload) ? " local" : "")));
            case "record-rss" -> {
                if (rest.size() != 3) {
                    throw new BenchOptions.UsageException("record-rss takes FILE FIELD KB\n" + USAGE);
                }
                ResultFiles.recordPeakRss(Path.of(rest.get(0)), rest.get(1), Long.parseLong(rest.get(2)));
            }
            case "chart" -> {
                Path folder = BenchOptions.parse(rest).results();
                Path png = folder.resolve("chart.png");
                ResultChart.write(ResultFiles.readAll(folder), png);
                System.out.println("Wrote " + png);
            }
            case "table" -> System.out.print(
                    ResultTable.markdown(ResultFiles.readAll(BenchOptions.parse(rest).results())));
            default -> {
                if (!Workloads.ALL.contains(command)) {
                    throw new BenchOptions.UsageException("Unknown workload or command '" + command + "'\n"
                            + USAGE);
                }
                BenchOptions options = BenchOptions.parse(rest);
                BenchResult result = switch (command) {
                    case Workloads.HOSTED -> HostedBenchmark.run(options);
                    case Workloads.SERVER_TEXTS, Workloads.SERVER_IMAGES -> ServerLoadBenchmark.run(command, options);
                    case Workloads.SERVER_BURST -> BurstBenchmark.run(options);
                    case Workloads.CONCURRENT, Workloads.TEXTS_THEN_IMAGES ->
                            SharedEngineBenchmark.run(command, options);
                    default -> LocalBenchmark.run(Workloads.local(command), options);
                };
                System.out.println("Wrote " + ResultFiles.write(options.results(), result, options.engineOnly()));
            }
        }
    }
}
