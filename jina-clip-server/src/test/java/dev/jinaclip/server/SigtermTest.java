package dev.jinaclip.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.testing.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to the server's own JVM while a request is in flight: the request gets its vectors (ONNX Runtime's
 * shutdown hook does not stop the engine under it) and the JVM ends without a crash.
 */
class SigtermTest {

    @Test
    void aRequestInFlightAtSigtermIsAnsweredAndTheJvmExitsCleanly(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JinaClipServerApplication.class.getName(),
                "--server.port=" + port, "--spring.ai.jina-clip.onnx.intra-op-threads=1",
                "--spring.ai.jina-clip.onnx.model-directory=" + Fixtures.model("semantic"),
                // the request waits 2 s in the batcher: in flight when SIGTERM comes
                "--jina-clip.server.batch-window=2s").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ready(http, health) && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/embeddings"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"jina-clip-v1\",\"input\":\"red\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(700);
            server.destroy(); // SIGTERM

            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(response.body() + "\n" + output).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(response.body()).at("/data/0/embedding")).hasSize(768);
            // 143: the JVM's exit on SIGTERM once its hooks have run; a crash would be 134 (SIGABRT) or 139
            assertThat(server.exitValue()).as(output).isIn(0, 143);
            assertThat(output).doesNotContain("SIGSEGV", "hs_err", " ERROR ");
            try (var files = Files.list(dir)) {
                assertThat(files.map(Path::getFileName).map(Path::toString).toList()).as("crash reports")
                        .isEqualTo(List.of("server.log"));
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private static boolean ready(HttpClient http, URI health) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
