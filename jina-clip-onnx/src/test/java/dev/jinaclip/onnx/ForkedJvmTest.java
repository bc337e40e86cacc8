package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * What happens to a JVM around the engine, checked in JVMs of their own ({@link ForkedEngineMain}): before the
 * fixes these JVMs died of SIGSEGV inside ONNX Runtime, which no in-process test can observe.
 */
class ForkedJvmTest {

    @Test
    void should_load_and_embed_when_the_command_line_is_longer_than_16_kb() throws Exception {
        // a long class path or -D property, as mvn spring-boot:run, Gradle bootRun and IDEs produce
        String padding = "-Djinaclip.test.padding=" + "x".repeat(17_000);

        Forked forked = fork(List.of(padding), "embed");

        assertThat(forked.output).contains("embedded 2 vectors of 768");
        assertThat(forked.exitCode).as(forked.output).isZero();
    }

    @Test
    void should_fail_a_call_made_during_shutdown_with_a_clear_error() throws Exception {
        Forked forked = fork(List.of(), "embed-during-shutdown");

        assertThat(forked.output)
                .contains("ready")
                .contains("hook: JinaClipException CANCELLED: The JVM is shutting down: the jina-clip model has stopped");
        assertThat(forked.exitCode).as(forked.output).isZero();
    }

    @Test
    void should_stop_calls_running_while_the_jvm_exits_without_crashing() throws Exception {
        Forked forked = fork(List.of(), "embed-while-exiting");

        assertThat(forked.output).contains("ready").contains("callers stopped: 4 of 4 with the shutdown error");
        assertThat(forked.exitCode).as(forked.output).isZero();
    }

    @RepeatedTest(3)
    void should_stop_a_load_in_progress_while_the_jvm_exits_without_crashing() throws Exception {
        Forked forked = fork(List.of(), "load-while-exiting");

        assertThat(forked.output).contains("ready").contains("loader stopped: with the shutdown error");
        assertThat(forked.exitCode).as(forked.output).isZero();
    }

    @Test
    void should_log_no_gpu_warning_from_the_tokenizer_on_a_machine_with_cuda_libraries_and_no_gpu() throws Exception {
        // .ci/run unpacks a CUDA runtime where the machine has none; jna.library.path is where DJL's probe finds it
        String cudaRuntime = System.getenv("JINACLIP_TEST_CUDART_DIR");
        List<String> options = cudaRuntime == null ? List.of() : List.of("-Djna.library.path=" + cudaRuntime);

        Forked forked = fork(options, "tokenize");

        String status = forked.output.lines().filter(line -> line.startsWith("CUDA runtime: ")).findFirst()
                .orElse("CUDA runtime: nothing printed");
        if (!status.startsWith("CUDA runtime: status ")) {
            String reason = "needs CUDA libraries (set JINACLIP_TEST_CUDART_DIR, as .ci/run does); " + status;
            assertThat(System.getenv("CI")).as(reason).isNotEqualTo("true");
            Assumptions.abort(reason);
        }
        // 0: a GPU answered; 100: no device, which DJL logs at DEBUG: neither is the machine this test is about
        Assumptions.assumeFalse(status.endsWith(" 0") || status.endsWith(" 100"),
                "needs CUDA libraries without a GPU driver (cudaGetDeviceCount fails otherwise); " + status);
        assertThat(forked.output).contains("tokenized into 5 ids").doesNotContainIgnoringCase("GPU");
        assertThat(forked.exitCode).as(forked.output).isZero();
    }

    private static Forked fork(List<String> jvmOptions, String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkedEngineMain.class.getName(), mode,
                model("tiny").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the forked JVM did not end: " + output);
        }
        return new Forked(process.exitValue(), output);
    }

    private record Forked(int exitCode, String output) {
    }
}
