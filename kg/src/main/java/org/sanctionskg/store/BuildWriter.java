package org.sanctionskg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.loader.DataLoader;
import org.sanctionskg.UserException;
import org.sanctionskg.rdf.Source;
import org.sanctionskg.validation.ReportFormatter;
import org.sanctionskg.validation.ExcerptGate;
import org.sanctionskg.validation.ReportTexts;
import org.sanctionskg.validation.ShaclGate;

/**
 * Writes one build's database: the schema (the first source folder) parsed into memory and closed, then every source
 * streamed once through TDB2's phased bulk loader with the entailments of each triple beside it, then the passes over
 * the built store (transitive closure, SHACL, optimizer statistics). Nothing here holds the data in memory; a problem
 * in any source, or a SHACL violation, is thrown as a {@link UserException} after all sources were read.
 */
final class BuildWriter {
    /** What was written: named graphs, triples read from the sources, quads stored. */
    record Written(int graphs, long triples, long quads) {}

    private final List<Path> folders;
    private final List<Source> generated;
    private final Progress progress;

    BuildWriter(List<Path> folders, List<Source> generated, Progress progress) {
        this.folders = folders;
        this.generated = generated;
        this.progress = progress;
    }

    Written write(DatasetGraph dsg, List<Path> files) {
        progress.phase("schema");
        List<String> problems = new ArrayList<>();
        List<Source> schema = readSchema(files, problems);
        if (problems.isEmpty() && ShaclGate.shapeSources(schema).isEmpty())
            throw new UserException("no SHACL shapes found under " + folders.get(0) + ": refusing to publish unvalidated data");
        Entailments profile = Entailments.profile(union(schema));
        PrefixMapping prefixes = PrefixMapping.Factory.create();
        schema.forEach(s -> prefixes.setNsPrefixes(s.graph().getPrefixMapping()));

        progress.phase("stream (" + LoaderChoice.name() + " loader)");
        DataLoader loader = LoaderChoice.forThisJvm(dsg);
        loader.startBulk();
        try {
            StreamRDF to = loader.stream();
            for (Source s : schema) send(s, new LoadSink(to, s.graphName(), s.file(), profile, false, progress.triples, prefixes), problems);
            for (Path f : files) {
                if (isSchema(f)) continue;
                var name = SourceReader.graphName(f, folders);
                LoadSink sink = new LoadSink(to, name, f, profile, true, progress.triples, prefixes);
                SourceReader.problem(() -> SourceReader.parse(f, name, sink, progress.bytesRead)).ifPresent(problems::add);
            }
            for (Source s : generated) send(s, new LoadSink(to, s.graphName(), s.file(), profile, false, progress.triples, prefixes), problems);
            SourceReader.refuse(problems);
            progress.phase("index");
            loader.finishBulk();
        } catch (RuntimeException e) {
            try {
                loader.finishException(e);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup); // a loader that fails to abort must not hide why the load stopped
            }
            throw e;
        }
        long triples = progress.triples.get();
        StoreBuilder.checkIndexes(dsg, triples);

        progress.phase("entail");
        StoredEntailments.closeTransitive(dsg, profile.transitiveProperties());
        StoredEntailments.dropAsserted(dsg);

        progress.phase("validate");
        ValidationReport report = Txn.calculateRead(dsg, () -> {
            Graph union = UnionGraph.of(dsg); // not the wrapper's: it keeps every triple a find returns in a set
            ExcerptGate.check(union, ReportTexts.under(folders), prefixes); // first: it names both texts
            return ShaclGate.validate(schema, union);
        });
        if (!report.conforms())
            throw new UserException(new ReportFormatter(prefixes, ShaclGate.shapesGraph(schema)).format(report), UserException.VALIDATION_FAILED);

        progress.phase("stats");
        long quads = OptimizerStats.write(dsg);
        return new Written(files.size() + generated.size() + 1, triples, quads);
    }

    /** The schema folder's files, in memory (small): the profile and the shapes come from them. */
    private List<Source> readSchema(List<Path> files, List<String> problems) {
        List<Source> schema = new ArrayList<>();
        for (Path f : files) {
            if (!isSchema(f)) continue;
            Graph g = GraphFactory.createDefaultGraph();
            var name = SourceReader.graphName(f, folders);
            SourceReader.problem(() -> SourceReader.parse(f, name, StreamRDFLib.graph(g), progress.bytesRead)).ifPresent(problems::add);
            schema.add(new Source(f, name, g));
        }
        return schema;
    }

    private boolean isSchema(Path file) {
        return file.startsWith(folders.get(0));
    }

    private static void send(Source s, LoadSink sink, List<String> problems) {
        SourceReader.problem(() -> s.graph().find().forEachRemaining(sink::triple)).ifPresent(problems::add);
    }

    private static Graph union(List<Source> sources) {
        MultiUnion union = new MultiUnion();
        sources.forEach(s -> union.addGraph(s.graph()));
        return union;
    }
}
