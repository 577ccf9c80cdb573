package org.sanctionskg.linkeddata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.sanctionskg.rdf.NTriplesTerms;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreBuilder.BuildStep;
import org.sanctionskg.store.UnionGraph;

/** Load step: writes the dumps into the build's download folder, each with a {@code sha256sum}-style checksum file. */
public final class Dumps implements BuildStep {
    private final String base;

    public Dumps(String base) {
        this.base = base;
    }

    /** The three dumps are written side by side, each in its own read transaction: each is one pass over the store. */
    @Override
    public String name() {
        return "dumps";
    }

    @Override
    public void apply(Build build, DatasetGraph dataset) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(Published.DUMPS.size(), Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> dumps = List.of(
                    pool.submit(() -> Txn.executeRead(dataset, () -> write(build, Published.TURTLE, out -> turtle(dataset, base, out)))),
                    pool.submit(() -> Txn.executeRead(dataset, () -> write(build, Published.NQUADS, out -> nquads(dataset, out)))),
                    pool.submit(() -> Txn.executeRead(dataset, () -> write(build, Published.JSONLD, out -> jsonLd(dataset, base, out)))));
            for (Future<?> dump : dumps) dump.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the dumps", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The union graph as streamed Turtle with our prefixes (inside a read transaction); {@code export} writes it too. */
    public static void turtle(DatasetGraph dataset, String base, OutputStream out) {
        StreamRDF turtle = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
        turtle.start();
        Namespaces.prefixes(base).forEach(turtle::prefix);
        UnionGraph.of(dataset).find().forEachRemaining(turtle::triple);
        turtle.finish();
    }

    /**
     * The union graph as JSON-LD compacted with our context, inlined so the file parses offline, in one streamed
     * pass (inside a read transaction); {@code export} writes it too.
     */
    public static void jsonLd(DatasetGraph dataset, String base, OutputStream out) {
        Ontology.context(Ontology.find(dataset, base), base).writeStandalone(UnionGraph.of(dataset).find(), out);
    }

    private static void nquads(DatasetGraph dataset, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
            { def.setLevel(Deflater.BEST_SPEED); } // a third of the time of the default level, for a few percent more bytes
        };
        Writer text = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder(1 << 16);
        for (Iterator<Quad> it = dataset.find(); it.hasNext(); ) {
            NTriplesTerms.appendQuad(lines, it.next());
            if (lines.length() >= 1 << 16) {
                text.append(lines);
                lines.setLength(0);
            }
        }
        text.append(lines);
        text.flush();
        gzip.finish();
    }

    /** What writes one dump's bytes. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code dump} and its checksum file, whose line {@code sha256sum -c} accepts. */
    static String write(Build build, Published.Dump dump, Content content) {
        Path dir = build.downloads();
        try {
            Files.createDirectories(dir);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(dir.resolve(dump.file())), 1 << 16);
                 DigestOutputStream out = new DigestOutputStream(file, sha)) {
                content.writeTo(out);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Files.writeString(dir.resolve(dump.checksumFile()), hex + "  " + dump.file() + "\n", StandardCharsets.UTF_8);
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
