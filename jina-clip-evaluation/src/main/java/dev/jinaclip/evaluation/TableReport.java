package dev.jinaclip.evaluation;

import dev.jinaclip.evaluation.data.BeirDataset;
import dev.jinaclip.evaluation.data.CaptionsDataset;
import dev.jinaclip.evaluation.data.ClassFolderDataset;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report on standard output: the datasets, the published table's layout, recall by cut-off, agreement. */
final class TableReport {

    private TableReport() {
    }

    static void print(Report report, PrintWriter out) {
        datasets(report.datasets(), out);
        out.println();
        out.println("Recall@" + Task.TABLE_K + ", exact cosine search: the share of queries with a relevant item "
                + "among their first " + Task.TABLE_K + " results");
        out.println();
        publishedLayout(report, out);
        out.println();
        out.println("Recall@k by task");
        out.println();
        detail(report, out);
        notes(report, out);
        if (report.agreement() != null) {
            out.println();
            agreement(report.agreement(), out);
        }
        out.flush();
    }

    private static void datasets(Datasets datasets, PrintWriter out) {
        out.println("Datasets");
        BeirDataset beir = datasets.beir();
        if (beir != null) {
            out.printf(Locale.ROOT, "- Text-Text: %s, split %s: %d documents; %d queries in queries.jsonl, "
                            + "%d judged in qrels/%s.tsv%n", beir.directory(), beir.split(), beir.documents().size(),
                    beir.allQueries(), beir.queries().size(), beir.split());
        }
        CaptionsDataset captions = datasets.captions();
        if (captions != null) {
            out.printf(Locale.ROOT, "- Text-to-Image, Image-to-Text: %s: %d images, %d captions%n", captions.file(),
                    captions.images().size(), captions.captionCount());
        }
        ClassFolderDataset classes = datasets.classes();
        if (classes != null) {
            out.printf(Locale.ROOT, "- Image-Image: %s: %d images in %d classes%n", classes.root(),
                    classes.images().size(), classes.classCount());
        }
    }

    private static void publishedLayout(Report report, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("Model / backend"));
        for (Task task : Task.values()) {
            header.add(task.column());
        }
        MarkdownTable table = new MarkdownTable(header);
        for (BackendRun run : report.runs()) {
            List<String> row = new ArrayList<>(List.of(run.backend().label()));
            for (Task task : Task.values()) {
                TaskResult result = run.results().get(task);
                row.add(result == null ? "-" : recall(result.recallAt(Task.TABLE_K)));
            }
            table.row(row);
        }
        table.print(out);
    }

    private static void detail(Report report, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("Model / backend", "Task", "Queries", "Evaluated", "Gallery"));
        for (int k : report.ks()) {
            header.add("R@" + k);
        }
        MarkdownTable table = new MarkdownTable(header);
        for (BackendRun run : report.runs()) {
            for (TaskResult result : run.results().values()) {
                List<String> row = new ArrayList<>(List.of(run.backend().label(), result.task().key(),
                        String.valueOf(result.queries()), String.valueOf(result.evaluated()),
                        String.valueOf(result.galleryItems())));
                for (int k : report.ks()) {
                    row.add(recall(result.recallAt(k)));
                }
                table.row(row);
            }
        }
        table.print(out);
    }

    private static void notes(Report report, PrintWriter out) {
        List<String> notes = new ArrayList<>();
        if (report.runs().stream().flatMap(run -> run.results().values().stream())
                .anyMatch(result -> result.skipped() > 0)) {
            notes.add("Queries with no relevant item are counted but not evaluated: a BEIR query judged only with "
                    + "scores of 0 or less, an image that is the only one of its class.");
        }
        for (BackendRun run : report.runs()) {
            TaskResult textText = run.results().get(Task.TEXT_TEXT);
            if (textText != null) {
                List<String> values = new ArrayList<>();
                textText.recallFraction().forEach((k, value) -> values.add("R@" + k + " " + recall(value)));
                notes.add("Text-Text recall as MTEB computes it (the share of each query's relevant documents "
                        + "found), " + run.backend().label() + ": " + String.join(", ", values));
            }
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(out::println);
        }
    }

    private static void agreement(Agreement agreement, PrintWriter out) {
        out.println("Agreement of " + agreement.first() + " and " + agreement.second()
                + ": cosine between each item's two vectors");
        out.println();
        MarkdownTable table = new MarkdownTable(List.of("Items", "Count", "Min", "Median", "Mean", "Lowest"));
        for (Agreement.Summary set : agreement.sets()) {
            table.row(List.of(set.name(), String.valueOf(set.items()), cosine(set.min()), cosine(set.median()),
                    cosine(set.mean()), set.lowestItem()));
        }
        table.print(out);
    }

    static String recall(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cosine(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
