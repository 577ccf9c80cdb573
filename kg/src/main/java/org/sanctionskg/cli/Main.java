package org.sanctionskg.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code sanctions-kg} command line. */
@Command(name = "sanctions-kg", mixinStandardHelpOptions = true, version = "sanctions-kg 0.1.0",
        description = "Builds, validates and serves the Xinjiang sanctions knowledge graph.",
        subcommands = {LoadCommand.class, ServeCommand.class, QueryCommand.class, ValidateCommand.class,
                ExportCommand.class, StatsCommand.class, VerifyCommand.class, ExcerptCommand.class, PackCommand.class, InstallCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command and returns its exit code: 0 done, 1 user error, 2 validation failed, 3 internal error (a bug). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        Logging.configure(verbose);
        CommandLine cli = new CommandLine(new Main()).setDefaultValueProvider(new ConfigDefaults(Config.defaults()));
        cli.setOut(out).setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage() + " (see --help)");
            return 1;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, err, verbose));
        cli.setExitCodeExceptionMapper(e -> e instanceof UserException u ? u.exitCode() : 1);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int report(Exception e, PrintWriter err, boolean verbose) {
        if (e instanceof UserException u) {
            err.println("error: " + u.getMessage());
            if (verbose && u.getCause() != null) u.getCause().printStackTrace(err);
            return u.exitCode();
        }
        err.println("internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) e.printStackTrace(err);
        return 3;
    }
}
