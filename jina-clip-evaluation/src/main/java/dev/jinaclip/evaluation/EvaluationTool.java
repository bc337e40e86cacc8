package dev.jinaclip.evaluation;

import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.evaluation.data.DatasetException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The retrieval evaluation tool: {@code java -jar jina-clip-evaluation-<version>.jar evaluate|compare ...}.
 * Exit status 0 on success, 1 when the run fails (a malformed dataset, a backend error), 2 for a usage error.
 */
@Command(name = "jina-clip-evaluation", mixinStandardHelpOptions = true, versionProvider = EvaluationTool.Version.class,
        description = "Retrieval quality of jina-clip on your data: Recall@k of the hosted API or the local ONNX "
                + "backend, and how closely two backends agree.",
        subcommands = {EvaluateCommand.class, CompareCommand.class, CommandLine.HelpCommand.class})
public final class EvaluationTool implements Runnable {

    @Spec
    CommandSpec spec;

    /** Runs the tool on the process's streams and environment, and exits with its status. */
    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        ToolContext context = new ToolContext(new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset), System::getenv, System.console() != null);
        System.exit(run(args, context));
    }

    /** Runs the tool in process; the exit status. */
    static int run(String[] args, ToolContext context) {
        CommandLine commandLine = new CommandLine(new EvaluationTool(), new Factory(context));
        commandLine.setOut(context.out()).setErr(context.err()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            CommandLine command = error.getCommandLine();
            command.getErr().println("Error: " + error.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((error, command, parsed) -> {
            boolean expected = error instanceof DatasetException || error instanceof ParameterException || error instanceof EvaluationException
                    || error instanceof JinaClipException || error instanceof IllegalArgumentException
                    || error instanceof IllegalStateException || error instanceof UncheckedIOException;
            if (expected) {
                command.getErr().println("Error: " + error.getMessage());
            } else {
                error.printStackTrace(command.getErr());
            }
            command.getErr().flush();
            return command.getCommandSpec().exitCodeOnExecutionException();
        });
        int status = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return status;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: evaluate or compare");
    }

    /** The tool's version, from the jar's manifest. */
    static String version() {
        String version = EvaluationTool.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }

    /** Prints {@link #version()}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jina-clip-evaluation " + version()};
        }
    }

    /** Hands the context to the commands. */
    private record Factory(ToolContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == EvaluateCommand.class) {
                return type.cast(new EvaluateCommand(context));
            }
            if (type == CompareCommand.class) {
                return type.cast(new CompareCommand(context));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
