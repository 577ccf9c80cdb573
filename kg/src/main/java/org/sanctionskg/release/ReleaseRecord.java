package org.sanctionskg.release;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL2;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreBuilder.BuildStep;
import org.sanctionskg.store.StorePass;
import org.sanctionskg.store.StoreLayout;

/**
 * Load step: the release record of a new build, {@code release/release.json}, and its sorted index
 * {@code release/quads.sorted.gz} ({@link QuadLines}, sorted on disk by {@link SortedLines}). The content hash is the
 * SHA-256 of the uncompressed index; the changelog compares the index with the one the previous release left in its
 * build folder, never with its database (a running server holds that open).
 */
final class ReleaseRecord implements BuildStep {
    private final StoreLayout layout;
    private final String base;

    ReleaseRecord(StoreLayout layout, String base) {
        this.layout = layout;
        this.base = base;
    }

    @Override
    public String name() {
        return "release index";
    }

    /** The whole record is written by its reader of the build's one pass: it needs nothing the other steps write. */
    @Override
    public List<StorePass.Reader> readers(Build build, DatasetGraph dataset) {
        return List.of(quads -> record(build, dataset, quads));
    }

    private void record(Build build, DatasetGraph dataset, Iterator<Quad> all) {
        Optional<Build> previous = layout.current(); // the load holds the lock: this is the release being replaced
        Path folder = Release.folder(build);
        MessageDigest sha = sha256();
        Changelog changelog = null;
        long quads;
        try (SortedLines sorter = new SortedLines(folder.resolve("sort"))) {
            Files.createDirectories(folder);
            all.forEachRemaining(q -> sorter.add(QuadLines.line(q)));
            Optional<SortedLines.Lines> before = previous.flatMap(ReleaseRecord::index);
            try (SortedLines.Lines old = before.orElse(SortedLines.Lines.of(Collections.emptyIterator(), () -> {}))) {
                Changelog.Diff diff = before.isPresent() ? new Changelog.Diff(previous.get().id(), old) : null;
                sorter.writeTo(Release.index(build), line -> {
                    sha.update(line);
                    sha.update((byte) '\n');
                    if (diff != null) diff.accept(line);
                });
                if (diff != null) changelog = diff.finish().orElse(null);
            }
            quads = sorter.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonObject record = new JsonObject();
        record.put("id", build.id());
        record.put("recorded", Instant.now().toString());
        record.put("ontologyVersion", Txn.calculateRead(dataset, () -> ontologyVersion(dataset)));
        record.put("contentHash", "sha256:" + HexFormat.of().formatHex(sha.digest()));
        record.put("quads", quads);
        record.put("previous", previous.map(Build::id).orElse(""));
        if (changelog != null) record.put("changelog", changelog.toJson());
        write(Release.recordFile(build), record);
    }

    /** The previous release's index, open; empty when it has none or it cannot be opened (then no changelog). */
    private static Optional<SortedLines.Lines> index(Build previous) {
        Path file = Release.index(previous);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(SortedLines.read(file));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private String ontologyVersion(DatasetGraph dataset) {
        Node ontology = NodeFactory.createURI(Namespaces.ontologyIri(base));
        var found = dataset.find(Node.ANY, ontology, OWL2.versionInfo.asNode(), Node.ANY);
        return found.hasNext() ? found.next().getObject().getLiteralLexicalForm() : "";
    }

    private static void write(Path file, JsonObject record) {
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.write(out, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
