package dev.jinaclip.evaluation;

import dev.jinaclip.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** Runs the tool in process, as {@code java -jar} would, and keeps what it printed. */
final class ToolRunner {

    private ToolRunner() {
    }

    /** What one run printed and returned. */
    record Result(int status, String out, String err) {
    }

    static Result run(Map<String, String> environment, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = EvaluationTool.run(args, new ToolContext(new PrintWriter(out), new PrintWriter(err),
                environment::get, terminal));
        return new Result(status, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(Map.of(), false, args);
    }

    /** A committed fixture dataset under {@code src/test/resources/datasets}. */
    static String dataset(String path) {
        try {
            return Path.of(ToolRunner.class.getResource("/datasets/" + path).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The semantic fixture model's folder: colour words and solid-colour images land close together. */
    static String semanticModel() {
        return Fixtures.model("semantic").toString();
    }
}
