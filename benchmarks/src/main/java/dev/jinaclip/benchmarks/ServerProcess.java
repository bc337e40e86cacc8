package dev.jinaclip.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * jina-clip-server as users run it: the packaged jar in a process of its own, on a free port of 127.0.0.1, with the
 * bench models; ready once {@code /actuator/health/readiness} answers 200. Closing it stops the process (SIGTERM,
 * then a kill); a shutdown hook does the same if the benchmark JVM ends first.
 */
final class ServerProcess implements AutoCloseable {

    /** How the server runs, for the results. */
    static final String DESCRIPTION = "jina-clip-server: java -jar jina-clip-server/target/jina-clip-server-*.jar,"
            + " no JVM options, on 127.0.0.1, with the bench models and the engine's intra-op threads";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Thread stopOnExit;
    private final Path log;
    private final URI base;

    private ServerProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop-jina-clip-server");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @param properties Spring properties beyond the port and the model folder, e.g. {@code
     *                   jina-clip.server.batch-max-inputs=1}
     * @param log        where its standard output and error go
     */
    static ServerProcess start(Map<String, String> properties, BenchOptions options, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.ai.jina-clip.onnx.model-directory=" + BenchModels.modelFolder(),
                "--spring.ai.jina-clip.onnx.intra-op-threads=" + options.intraOpThreads()));
        if (options.maxInferenceMemory() != null) {
            command.add("--spring.ai.jina-clip.onnx.max-inference-memory=" + options.maxInferenceMemory() + "B");
        }
        properties.forEach((name, value) -> command.add("--" + name + "=" + value));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, log, URI.create("http://127.0.0.1:" + port));
        try {
            server.awaitReady();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI base() {
        return base;
    }

    /** The sum and count of a summary in {@code /actuator/prometheus}, e.g. {@code jina_clip_server_batch_requests}. */
    double[] summary(HttpClient http, String name) throws Exception {
        String text = get(http, "/actuator/prometheus").body();
        double sum = 0;
        double count = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "_sum")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith(name + "_count")) {
                count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new double[] {sum, count};
    }

    /** The process's peak resident set size ({@code VmHWM} of {@code /proc/<pid>/status}), or null off Linux. */
    Long peakRssBytes() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(null);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("jina-clip-server exited with " + process.exitValue()
                        + " before it was ready; its log: " + log + "\n" + tail());
            }
            try {
                if (get(http, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens once the context has started
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("jina-clip-server was not ready after " + READY_TIMEOUT + "; its log: " + log
                + "\n" + tail());
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    // the packaged jar that jina-clip-server/run.sh starts; benchmarks/run.sh builds it
    private static Path jar() throws IOException {
        Path target = BenchModels.repoRoot().resolve("jina-clip-server/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                List<Path> jars = files.filter(file -> {
                    String name = file.getFileName().toString();
                    return name.startsWith("jina-clip-server-") && name.endsWith(".jar")
                            && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
                }).toList();
                if (jars.size() == 1) {
                    return jars.get(0);
                }
            }
        }
        throw new IllegalStateException("No single jina-clip-server jar in " + target + ": build it with"
                + " ./mvnw -pl jina-clip-server -am package -DskipTests (benchmarks/run.sh does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
