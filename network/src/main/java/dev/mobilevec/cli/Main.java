package dev.mobilevec.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mobilevec} command line. Without a subcommand it runs {@code bench} on its defaults. */
@Command(name = "mobilevec", mixinStandardHelpOptions = true, version = "mobilevec 0.1.0",
        description = "Pure-Java, Vector API accelerated MobileNet inference.",
        subcommands = {BenchCommand.class, CostCommand.class, RunCommand.class, InspectCommand.class, WeightsCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        // Not reached: execute() turns an empty command line into "bench".
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI; bad flags or inputs print a one-line reason (and the usage for flags), never a stack trace. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            args = new String[] {"bench"}; // the main job, on its defaults
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("mobilevec: " + ex.getMessage());
            c.usage(c.getErr());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            if (System.getenv("MOBILEVEC_DEBUG") != null) {
                ex.printStackTrace(c.getErr());
            }
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            c.getErr().println("mobilevec: " + msg);
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                c.getErr().println("Run 'mobilevec " + c.getCommandName() + " --help' for usage.");
                return 1;
            }
            return 3;
        });
        return cl.execute(args);
    }
}
