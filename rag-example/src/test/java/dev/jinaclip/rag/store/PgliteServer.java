package dev.jinaclip.rag.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PGlite as a child process: {@code pglite-server} of the npm package {@code @electric-sql/pglite-socket} serves
 * PostgreSQL 18 compiled to WebAssembly, with the pgvector extension, from memory on a port of 127.0.0.1 that the
 * system picks. Its output goes to a log file, which also says the port.
 */
final class PgliteServer implements AutoCloseable {

    /** A bound for a hang, not a timing: pglite-server listens after about 3 s here. */
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    private static final Pattern LISTENING = Pattern.compile("PGLiteSocketServer listening on \\{\"port\":(\\d+)");

    private final Process process;
    private final int port;
    private final Duration startup;

    private PgliteServer(Process process, int port, Duration startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    /**
     * Starts {@code executable} and waits until it listens.
     *
     * @throws IllegalStateException if it exits first, or does not listen within {@link #START_LIMIT}; the message
     *     holds its output
     */
    static PgliteServer start(Path executable, Path logFile) throws IOException, InterruptedException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        // Port 0: the system picks a free one, and the server logs it, so no other process can take it meanwhile.
        // Each JDBC connection gets a slot, but every slot reaches the same single PostgreSQL session (see
        // PgVectorDatabase); a few slots leave room for a closing connection while the next one opens.
        List<String> command = List.of(executable.toString(), "--port=0", "--max-connections=4",
                "--extensions=@electric-sql/pglite-pgvector:vector");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile())
                .start();
        long deadline = start + START_LIMIT.toNanos();
        while (true) {
            String output = output(logFile);
            Matcher listening = LISTENING.matcher(output);
            if (listening.find()) {
                return new PgliteServer(process, Integer.parseInt(listening.group(1)),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(String.join(" ", command) + " exited with status "
                        + process.exitValue() + " before it listened. Its output:\n" + output);
            }
            if (System.nanoTime() > deadline) {
                stop(process);
                throw new IllegalStateException(String.join(" ", command) + " did not listen within "
                        + START_LIMIT.toSeconds() + " s. Its output:\n" + output);
            }
            Thread.sleep(50);
        }
    }

    /** The URL of its database for the PostgreSQL JDBC driver, with the given parameters ({@code a=1&b=2}). */
    String jdbcUrl(String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?" + parameters;
    }

    /** How long it took from the start of the process until it listened. */
    Duration startup() {
        return startup;
    }

    /** Stops the server (SIGTERM, then SIGKILL after {@link #STOP_LIMIT}); its in-memory database is gone. */
    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String output(Path logFile) throws IOException {
        // new String replaces a UTF-8 sequence cut by a concurrent write, where Files.readString would throw
        return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
    }
}
