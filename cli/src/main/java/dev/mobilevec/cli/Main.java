package dev.mobilevec.cli;

import dev.mobilevec.kernels.VectorApiUnavailableError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mobilevec} command line. Without a subcommand it runs {@code bench} on its defaults. */
@Command(name = "mobilevec", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Pure-Java, Vector API accelerated MobileNet inference. Without a command, runs bench on its defaults.",
        subcommands = {BenchCommand.class, ClassifyCommand.class, PreprocessCommand.class, CostCommand.class, RunCommand.class,
            InspectCommand.class, WeightsCommand.class})
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
        CommandLine cl = commandLine(out, err);
        try {
            return cl.execute(args);
        } catch (VectorApiUnavailableError e) { // an Error, so picocli lets it through; started without the launcher's flag
            err.println("mobilevec: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) { // also an Error: the sizes the commands can foresee are checked before allocating
            err.println("mobilevec: out of memory (" + e.getMessage() + ") with a heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB: give the JVM more (MOBILEVEC_JAVA_OPTS=-Xmx...) or ask for less (--batch, --iterations)");
            return 1;
        }
    }

    /** The configured command line (also read by the tests that check every help text). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
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
        return cl;
    }

    /** The project version (from the runtime's build) and the JDK. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mobilevec " + dev.mobilevec.network.MachineFingerprint.mobilevecVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
