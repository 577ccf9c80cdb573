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
import org.sanctionskg.UserException;
import org.sanctionskg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: the published dataset in one file. */
@Command(name = "export", description = "Write the published dataset: ttl (union graph) or trig, nq, jsonld (named graphs).")
final class ExportCommand implements Callable<Integer> {
    private static final Map<String, RDFFormat> FORMATS = Map.of(
            "ttl", RDFFormat.TURTLE_BLOCKS, "trig", RDFFormat.TRIG_BLOCKS,
            "nq", RDFFormat.NQUADS, "jsonld", RDFFormat.JSONLD11);

    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "trig", description = "ttl|trig|nq|jsonld (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
        RDFFormat rdf = FORMATS.get(format);
        if (rdf == null) throw new UserException("unknown --format " + format + "; use one of ttl, trig, nq, jsonld");
        try (Store store = Store.open(options.store);
             OutputStream out = outFile == null ? new WriterOutputStream(spec.commandLine().getOut()) : Files.newOutputStream(outFile)) {
            Txn.executeRead(store.dataset(), () -> {
                if (format.equals("ttl")) RDFDataMgr.write(out, store.dataset().getUnionGraph(), rdf);
                else RDFDataMgr.write(out, store.dataset(), rdf);
            });
        }
        return 0;
    }
}
