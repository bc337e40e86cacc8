package dev.jinaclip.evaluation;

import dev.jinaclip.core.ClipEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What evaluate and compare share: read the datasets, configure the backends, run each, report. */
abstract class RunCommand implements Callable<Integer> {

    final ToolContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions datasetOptions;

    @Mixin
    OutputOptions outputOptions;

    RunCommand(ToolContext context) {
        this.context = context;
    }

    /** The backends' options, in command-line order. */
    abstract List<BackendOptions> backendOptions();

    /** Whether to measure the agreement of the two backends. */
    abstract boolean compare();

    @Override
    public Integer call() {
        Datasets datasets;
        int[] ks;
        List<Backend> backends = new ArrayList<>();
        try {
            ks = outputOptions.cutoffs();
            datasets = datasetOptions.read();
            for (BackendOptions options : backendOptions()) {
                backends.add(options.configure(context.environment()));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        check(backends);
        Progress progress = context.terminal() && !outputOptions.noProgress ? Progress.console(context.err())
                : Progress.none();
        List<BackendRun> runs = new ArrayList<>();
        for (Backend backend : backends) {
            try (ClipEngine engine = backend.engine().get()) {
                runs.add(Evaluation.run(backend, engine, datasets, ks, progress));
            }
        }
        Report report = new Report(datasets, ks, runs, compare() ? Agreement.of(runs.get(0), runs.get(1)) : null);
        TableReport.print(report, context.out());
        if (outputOptions.json != null) {
            JsonReport.write(report, outputOptions.json);
            context.err().println("Wrote " + outputOptions.json);
        }
        return 0;
    }

    private void check(List<Backend> backends) {
        Set<String> labels = new HashSet<>();
        for (Backend backend : backends) {
            if (!labels.add(backend.label())) {
                throw new ParameterException(spec.commandLine(), "Two backends are labelled '" + backend.label()
                        + "': tell them apart with --label");
            }
        }
        if (compare() && backends.get(0).dimension() != backends.get(1).dimension()) {
            throw new ParameterException(spec.commandLine(), "Cannot compare " + backends.get(0).label() + " ("
                    + backends.get(0).dimension() + " dimensions) with " + backends.get(1).label() + " ("
                    + backends.get(1).dimension() + " dimensions)");
        }
    }
}
