package dev.jinaclip.benchmarks;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Describes the machine the benchmarks run on. */
final class MachineInfo {

    private MachineInfo() {
    }

    static BenchResult.Machine current() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new BenchResult.Machine(cpuModel(), Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize(), osName(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"), onnxRuntimeVersion(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * Creating ONNX Runtime's environment on a thread of the JVM's default 1 MiB stack crashed the benchmark JVM
     * (SIGSEGV, no hs_err file) in workloads that load no engine first (hosted, server-burst): it runs on a thread
     * with room.
     */
    private static String onnxRuntimeVersion() {
        String[] version = new String[1];
        Thread probe = new Thread(null, () -> version[0] = OrtEnvironment.getEnvironment().getVersion(),
                "onnxruntime-version", 16L << 20);
        probe.start();
        try {
            probe.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking ONNX Runtime its version", e);
        }
        if (version[0] == null) {
            throw new IllegalStateException("ONNX Runtime did not give its version (see the error above)");
        }
        return version[0];
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try {
            return Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + cpuinfo, e);
        }
    }

    // the distribution's name where /etc/os-release gives it, else the JVM's view
    private static String osName() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        Path release = Path.of("/etc/os-release");
        if (!Files.isReadable(release)) {
            return kernel;
        }
        try {
            return Files.readAllLines(release).stream().filter(line -> line.startsWith("PRETTY_NAME="))
                    .map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", "") + ", " + kernel)
                    .findFirst().orElse(kernel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + release, e);
        }
    }
}
