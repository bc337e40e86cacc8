package dev.jinaclip.evaluation;

import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Where the tool reads and writes: passed in, so that tests run it in process.
 *
 * @param out         the report
 * @param err         errors and the progress bar
 * @param environment environment variables (the API key)
 * @param terminal    whether {@code err} is an interactive terminal, where the progress bar is drawn
 */
record ToolContext(PrintWriter out, PrintWriter err, Function<String, String> environment, boolean terminal) {
}
