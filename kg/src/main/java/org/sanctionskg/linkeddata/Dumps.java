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
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.rdf.NTriplesTerms;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreBuilder.BuildStep;
import org.sanctionskg.store.StorePass;
import org.sanctionskg.store.UnionGraph;

/** Load step: writes the dumps into the build's download folder, each with a {@code sha256sum}-style checksum file. */
public final class Dumps implements BuildStep {
    private final String base;

    public Dumps(String base) {
        this.base = base;
    }

    @Override
    public String name() {
        return "dumps";
    }

    /** The three dumps, each written by its own reader of the build's one pass (side by side, on threads of the pass). */
    @Override
    public List<StorePass.Reader> readers(Build build, DatasetGraph dataset) {
        JsonLdContext context = Txn.calculateRead(dataset, () -> context(dataset, base));
        return List.of(
                quads -> write(build, Published.TURTLE, out -> turtle(StorePass.triples(quads), base, out)),
                quads -> write(build, Published.NQUADS, out -> nquads(quads, out)),
                quads -> write(build, Published.JSONLD, out -> context.writeStandalone(StorePass.triples(quads), out)));
    }

    /** The union graph as streamed Turtle with our prefixes (inside a read transaction); {@code export} writes it too. */
    public static void turtle(DatasetGraph dataset, String base, OutputStream out) {
        turtle(UnionGraph.of(dataset).find(), base, out);
    }

    private static void turtle(Iterator<Triple> triples, String base, OutputStream out) {
        StreamRDF turtle = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
        turtle.start();
        Namespaces.prefixes(base).forEach(turtle::prefix);
        triples.forEachRemaining(turtle::triple);
        turtle.finish();
    }

    /**
     * The union graph as JSON-LD compacted with our context, inlined so the file parses offline, in one streamed
     * pass (inside a read transaction); {@code export} writes it too.
     */
    public static void jsonLd(DatasetGraph dataset, String base, OutputStream out) {
        context(dataset, base).writeStandalone(UnionGraph.of(dataset).find(), out);
    }

    private static JsonLdContext context(DatasetGraph dataset, String base) {
        return Ontology.context(Ontology.find(dataset, base), base);
    }

    private static void nquads(Iterator<Quad> quads, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
            { def.setLevel(Deflater.BEST_SPEED); } // a third of the time of the default level, for a few percent more bytes
        };
        Writer text = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder(1 << 16);
        while (quads.hasNext()) {
            NTriplesTerms.appendQuad(lines, quads.next());
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
