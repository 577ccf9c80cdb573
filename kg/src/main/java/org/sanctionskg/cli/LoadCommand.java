package org.sanctionskg.cli;

import java.util.concurrent.Callable;
import org.sanctionskg.Config;
import org.sanctionskg.server.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code load}: validate the sources and publish them as a new store, atomically. */
@Command(name = "load", description = "Parse, validate (SHACL), materialize entailments and write a new store atomically.")
final class LoadCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Mixin KeepOption keep;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Config config = keep.apply(options.config());
        var build = Publisher.load(config, spec.commandLine().getOut());
        spec.commandLine().getOut().println("Store " + config.storeDir() + " now serves build " + build.id());
        return 0;
    }
}
