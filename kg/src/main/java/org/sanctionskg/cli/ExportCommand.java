package org.sanctionskg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.linkeddata.Dumps;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: the published dataset in one file, written as the load writes its dumps. */
@Command(name = "export", description = "Write the published dataset: ttl or jsonld (the union graph, as the dumps), trig or nq (named graphs).")
final class ExportCommand implements Callable<Integer> {
    /** The union graph as the dumps are written (ttl, jsonld), or the named graphs (trig, nq). */
    private static final List<Format> OFFERS = List.of(Format.TRIG, Format.NQUADS, Format.TURTLE, Format.JSONLD);

    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "trig", description = "trig|nq|ttl|jsonld (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
        Format chosen = Format.named(format, OFFERS).orElseThrow(() -> new UserException("unknown --format " + format
                + "; use one of " + OFFERS.stream().map(Format::shortName).collect(java.util.stream.Collectors.joining(", "))));
        Config config = options.config();
        try (Store store = Store.open(config.storeDir());
             OutputStream out = outFile == null ? new WriterOutputStream(spec.commandLine().getOut()) : Files.newOutputStream(outFile)) {
            Txn.executeRead(store.dataset(), () -> {
                if (chosen == Format.TURTLE) Dumps.turtle(store.dataset(), config.base(), out);
                else if (chosen == Format.JSONLD) Dumps.jsonLd(store.dataset(), config.base(), out);
                else RDFDataMgr.write(out, store.dataset(), chosen.rdfFormat());
            });
        }
        return 0;
    }
}
