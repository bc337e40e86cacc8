package dev.jinaclip.evaluation;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code compare}: two backends on the same data, item by item and by recall. */
@Command(name = "compare", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Two backends on the same datasets: the cosine between each item's vector from one and from "
                + "the other (min, median, mean, per item set), and each backend's recall.",
                "Give exactly two --backend groups."},
        footer = {"", "Example:",
                "  java -jar jina-clip-evaluation.jar compare --captions captions.tsv \\",
                "      --backend onnx --model-directory jina-clip-v1 --backend api"})
final class CompareCommand extends RunCommand {

    @ArgGroup(exclusive = false, multiplicity = "2", heading = "%nThe two backends:%n", order = 1)
    List<BackendOptions> backends;

    CompareCommand(ToolContext context) {
        super(context);
    }

    @Override
    List<BackendOptions> backendOptions() {
        return backends;
    }

    @Override
    boolean compare() {
        return true;
    }
}
