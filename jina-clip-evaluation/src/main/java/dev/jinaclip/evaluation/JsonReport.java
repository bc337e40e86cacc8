package dev.jinaclip.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jinaclip.evaluation.data.BeirDataset;
import dev.jinaclip.evaluation.data.CaptionsDataset;
import dev.jinaclip.evaluation.data.ClassFolderDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The report as JSON: datasets, cut-offs, one entry per backend with every task's recalls, and the agreement. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static void write(Report report, Path file) {
        try {
            JSON.writeValue(file.toFile(), toJson(report));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "jina-clip-evaluation").put("version", EvaluationTool.version());
        root.put("recall", "share of evaluated queries with a relevant item among the first k results");
        root.put("recallFraction", "mean share of each evaluated query's relevant items among the first k results");
        root.set("k", JSON.valueToTree(report.ks()));
        root.put("tableK", Task.TABLE_K);
        datasets(report.datasets(), root.putObject("datasets"));
        for (BackendRun run : report.runs()) {
            ObjectNode entry = root.withArray("backends").addObject();
            entry.put("label", run.backend().label()).put("backend", run.backend().kind())
                    .put("model", run.backend().model().modelName()).put("dimension", run.backend().dimension());
            ObjectNode tasks = entry.putObject("tasks");
            for (TaskResult result : run.results().values()) {
                ObjectNode task = tasks.putObject(result.task().key());
                task.put("column", result.task().column()).put("queries", result.queries())
                        .put("evaluated", result.evaluated()).put("skipped", result.skipped())
                        .put("gallery", result.galleryItems());
                values(task.putObject("recall"), result.recall());
                values(task.putObject("recallFraction"), result.recallFraction());
            }
        }
        if (report.agreement() != null) {
            Agreement agreement = report.agreement();
            ObjectNode node = root.putObject("agreement");
            node.put("first", agreement.first()).put("second", agreement.second());
            for (Agreement.Summary set : agreement.sets()) {
                node.withArray("sets").addObject().put("items", set.name()).put("count", set.items())
                        .put("min", set.min()).put("median", set.median()).put("mean", set.mean())
                        .put("lowest", set.lowestItem());
            }
        }
        return root;
    }

    private static void datasets(Datasets datasets, ObjectNode node) {
        BeirDataset beir = datasets.beir();
        if (beir != null) {
            node.putObject("beir").put("path", beir.directory().toString()).put("split", beir.split())
                    .put("documents", beir.documents().size()).put("queries", beir.allQueries())
                    .put("judgedQueries", beir.queries().size());
        }
        CaptionsDataset captions = datasets.captions();
        if (captions != null) {
            node.putObject("captions").put("path", captions.file().toString())
                    .put("images", captions.images().size()).put("captions", captions.captionCount());
        }
        ClassFolderDataset classes = datasets.classes();
        if (classes != null) {
            node.putObject("classes").put("path", classes.root().toString())
                    .put("images", classes.images().size()).put("classes", classes.classCount());
        }
    }

    private static void values(ObjectNode node, Map<Integer, Double> byK) {
        // NaN (no query evaluated) is not JSON: null
        byK.forEach((k, value) -> {
            if (value.isNaN()) {
                node.putNull(String.valueOf(k));
            } else {
                node.put(String.valueOf(k), value);
            }
        });
    }
}
