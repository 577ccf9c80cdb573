package org.sanctionskg.cli;

import java.util.concurrent.Callable;
import org.sanctionskg.server.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: parse and SHACL-check the sources, writing nothing. */
@Command(name = "validate", description = "Parse the ontology and data, entail and run SHACL as load does, in a temporary build; the store is not touched. Exit 0 valid, 2 invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var checked = Publisher.builder(options.config(), spec.commandLine().getOut()).check();
        spec.commandLine().getOut().printf("Valid: %d files, %,d triples (with entailments) conform to the shapes%n",
                checked.files(), checked.triples());
        return 0;
    }
}
