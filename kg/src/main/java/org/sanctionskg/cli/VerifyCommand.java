package org.sanctionskg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sanctionskg.UserException;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.BuildVerifier.Status;
import org.sanctionskg.store.BuildVerifier.Verdict;
import org.sanctionskg.store.BuildVerifier;
import org.sanctionskg.store.StoreLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify}: check builds against the checksums their load recorded, as {@code serve} does at start. */
@Command(name = "verify", description = "Check the live build (or every kept build) against the checksums recorded at load. Exit 0 intact, 1 damaged.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Check every build kept in the store, not only the live one.")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path store = options.config().storeDir();
        StoreLayout layout = new StoreLayout(store);
        Optional<Build> live = layout.current();
        if (live.isEmpty() && !all) throw new UserException("no store at " + store + ": run 'load' first");
        List<Verdict> verdicts = BuildVerifier.verify(layout, all);
        if (verdicts.isEmpty()) throw new UserException("no builds in " + store + ": run 'load' first");
        boolean damaged = false;
        for (Verdict v : verdicts) {
            boolean isLive = live.map(b -> b.id().equals(v.build().id())).orElse(false);
            out.println(v.build().id() + (isLive ? " (live)" : "") + ": " + v.summary());
            // A folder of a load that never finished is not served, and the next load removes it.
            if (v.status() == Status.DAMAGED || (isLive && v.status() == Status.INCOMPLETE)) damaged = true;
        }
        out.flush();
        return damaged ? 1 : 0;
    }
}
