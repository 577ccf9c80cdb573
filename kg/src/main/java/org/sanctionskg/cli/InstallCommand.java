package org.sanctionskg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sanctionskg.store.ReleaseArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code install}: a packed release into a store, made live (a running {@code serve} on that store switches to it). */
@Command(name = "install", description = "Install a release packed by 'pack' into the store and make it live. Checked first: nothing changes if it is damaged.")
final class InstallCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive written by 'pack'.")
    Path archive;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String id = ReleaseArchive.install(archive, options.config().storeDir());
        out.println("Installed release " + id + " into " + options.config().storeDir() + "; it is live");
        out.flush();
        return 0;
    }
}
