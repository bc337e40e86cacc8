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
                + System.getProperty("java.runtime.version"), OrtEnvironment.getEnvironment().getVersion(),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
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
