package org.sanctionskg.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.sanctionskg.cli.Main;

/** Runs the command line in-process and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The common source and store options for a fixture copied to {@code root}. */
    public static String[] withSources(java.nio.file.Path root, String command, String... more) {
        String[] base = {command, "--ontology", root.resolve("ontology").toString(), "--data", root.resolve("data").toString(),
                "--store", root.resolve("store").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
