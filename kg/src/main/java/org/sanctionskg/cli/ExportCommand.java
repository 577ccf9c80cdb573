package org.sanctionskg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.linkeddata.Dumps;
import org.sanctionskg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: the published dataset in one file, written as the load writes its dumps. */
@Command(name = "export", description = "Write the published dataset: ttl or jsonld (the union graph, as the dumps), trig or nq (named graphs).")
final class ExportCommand implements Callable<Integer> {
    private static final Map<String, RDFFormat> QUADS = Map.of("trig", RDFFormat.TRIG_BLOCKS, "nq", RDFFormat.NQUADS);
    private static final java.util.Set<String> FORMATS = java.util.Set.of("ttl", "jsonld", "trig", "nq");

    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "trig", description = "trig|nq|ttl|jsonld (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) throw new UserException("unknown --format " + format + "; use one of ttl, trig, nq, jsonld");
        Config config = options.config();
        try (Store store = Store.open(config.storeDir());
             OutputStream out = outFile == null ? new WriterOutputStream(spec.commandLine().getOut()) : Files.newOutputStream(outFile)) {
            Txn.executeRead(store.dataset(), () -> {
                switch (format) {
                    case "ttl" -> Dumps.turtle(store.dataset(), config.base(), out);
                    case "jsonld" -> Dumps.jsonLd(store.dataset(), config.base(), out);
                    default -> RDFDataMgr.write(out, store.dataset(), QUADS.get(format));
                }
            });
        }
        return 0;
    }
}
