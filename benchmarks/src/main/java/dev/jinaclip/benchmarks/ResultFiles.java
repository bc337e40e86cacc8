package dev.jinaclip.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The result files: {@code <workload>.json}, and {@code <workload>.engine-only.json} of an engine-only run. */
final class ResultFiles {

    static final String ENGINE_ONLY_SUFFIX = ".engine-only.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultFiles() {
    }

    static Path file(Path folder, String workload, boolean engineOnly) {
        return folder.resolve(workload + (engineOnly ? ENGINE_ONLY_SUFFIX : ".json"));
    }

    static Path write(Path folder, BenchResult result, boolean engineOnly) throws IOException {
        Files.createDirectories(folder);
        Path file = file(folder, result.workload(), engineOnly);
        JSON.writeValue(file.toFile(), result);
        return file;
    }

    /** The results of the full runs in {@code folder}, in the suite's workload order. */
    static List<BenchResult> readAll(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("No results folder " + folder + ": run benchmarks/run.sh <workload> first");
        }
        List<BenchResult> results = new ArrayList<>();
        for (String workload : Workloads.ALL) {
            Path file = file(folder, workload, false);
            if (Files.isRegularFile(file)) {
                results.add(JSON.readValue(file.toFile(), BenchResult.class));
            }
        }
        if (results.isEmpty()) {
            try (Stream<Path> files = Files.list(folder)) {
                throw new IllegalStateException("No result files in " + folder + " (found " + files.toList()
                        + "): run benchmarks/run.sh <workload> first");
            }
        }
        return results;
    }

    /**
     * Sets {@code peakRss.<field>} of a result file to a peak RSS that {@code /usr/bin/time -v} reported.
     *
     * @param kilobytes its "Maximum resident set size (kbytes)"
     */
    static void recordPeakRss(Path file, String field, long kilobytes) throws IOException {
        if (!field.equals("processBytes") && !field.equals("engineOnlyBytes")) {
            throw new IllegalArgumentException("Not a peakRss field: " + field);
        }
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        root.withObjectProperty("peakRss").put(field, kilobytes * 1024);
        JSON.writeValue(file.toFile(), root);
    }
}
