package org.sanctionskg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanctionskg.UserException;
import org.sanctionskg.store.ReleaseArchive;
import org.sanctionskg.store.StoreLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pack}: one release of the store as one file, to serve on another machine ({@code install}). */
@Command(name = "pack", description = "Write one release (default: the live one) as one zip file, with FILE.sha256 beside it.")
final class PackCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--release", paramLabel = "ID", description = "The release (build id) to pack (default: the live one).")
    String release;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The archive to write.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter print = spec.commandLine().getOut();
        Path store = options.config().storeDir();
        String id = release != null ? release : new StoreLayout(store).current()
                .orElseThrow(() -> new UserException("no store at " + store + ": run 'load' first")).id();
        String sha = ReleaseArchive.pack(store, id, out);
        print.println("Packed release " + id + " into " + out + " (sha256 " + sha + ")");
        print.flush();
        return 0;
    }
}
