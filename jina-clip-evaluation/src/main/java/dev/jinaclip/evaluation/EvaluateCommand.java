package dev.jinaclip.evaluation;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code evaluate}: the recall of one or more backends. */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Recall@1/5/10 of one or more backends on your datasets, in the layout of jina-clip-v1's "
                + "published table (Text-Text on BEIR, Text-to-Image, Image-to-Text, Image-Image; Recall@5).",
                "Each --backend and the options after it make one row."},
        footer = {"", "Example:",
                "  java -jar jina-clip-evaluation.jar evaluate --beir scifact \\",
                "      --captions flickr30k-test.tsv --classes cifar100-test \\",
                "      --backend onnx --model-directory jina-clip-v1 --backend api"})
final class EvaluateCommand extends RunCommand {

    @ArgGroup(exclusive = false, multiplicity = "1..*", heading = "%nBackends (repeat for more rows):%n", order = 1)
    List<BackendOptions> backends;

    EvaluateCommand(ToolContext context) {
        super(context);
    }

    @Override
    List<BackendOptions> backendOptions() {
        return backends;
    }

    @Override
    boolean compare() {
        return false;
    }
}
