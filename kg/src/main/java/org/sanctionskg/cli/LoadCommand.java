package org.sanctionskg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code load}: validate the sources and publish them as a new store, atomically. */
@Command(name = "load", description = "Parse, validate (SHACL), materialize entailments and write a new store atomically.")
final class LoadCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var build = Loads.load(options.config(), spec.commandLine().getOut());
        spec.commandLine().getOut().println("Store " + options.store + " now serves build " + build.id());
        return 0;
    }
}
