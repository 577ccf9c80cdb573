package org.sanctionskg.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sanctionskg.rdf.GraphNames;

/**
 * Where one source's triples go as they are parsed: into its named graph in the build, with what each entails into
 * the entailments graph, after the checks a triple must pass to be stored. A triple that fails one ends the source
 * with a {@link SourceReader.ParseProblem} naming the file and the triple.
 */
final class LoadSink implements StreamRDF {
    /** Schema statements: their place is the schema folder, read before the data, or the profile would miss them. */
    private static final Set<Node> SCHEMA_PREDICATES = Set.of(RDFS.subClassOf.asNode(), RDFS.subPropertyOf.asNode(),
            RDFS.domain.asNode(), RDFS.range.asNode(), OWL2.equivalentClass.asNode(), OWL2.equivalentProperty.asNode(),
            OWL2.inverseOf.asNode());
    private static final Set<Node> SCHEMA_TYPES = Set.of(OWL2.TransitiveProperty.asNode(), OWL2.SymmetricProperty.asNode());
    /** Entailments repeat (every statement of an entity types it by its domain): recent ones are sent once. */
    private static final int RECENT = 1 << 16;

    private final StreamRDF build;
    private final Node graph;
    private final Path file;
    private final Entailments profile;
    private final boolean data;
    private final AtomicLong triples;
    private final PrefixMapping prefixes;
    private final Map<Triple, Boolean> recent = new LinkedHashMap<>(RECENT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Triple, Boolean> eldest) {
            return size() > RECENT;
        }
    };

    /** {@code data}: a data source, which must not hold schema statements; {@code triples} counts what is sent. */
    LoadSink(StreamRDF build, Node graph, Path file, Entailments profile, boolean data, AtomicLong triples, PrefixMapping prefixes) {
        this.build = build;
        this.graph = graph;
        this.file = file;
        this.profile = profile;
        this.data = data;
        this.triples = triples;
        this.prefixes = prefixes;
    }

    @Override
    public void triple(Triple t) {
        String wide = WideIntegers.problem(t);
        if (wide != null) throw new SourceReader.ParseProblem(file + ": " + wide);
        if (data && isSchema(t))
            throw new SourceReader.ParseProblem(file + ": a schema statement in a data file (" + Triples.show(t)
                    + "); the schema is the first source folder, read before the data: move it there");
        build.quad(Quad.create(graph, t));
        triples.incrementAndGet();
        profile.entail(t, this::entailed);
    }

    private void entailed(Triple t) {
        if (recent.put(t, Boolean.TRUE) == null) build.quad(Quad.create(GraphNames.ENTAILMENTS, t));
    }

    private static boolean isSchema(Triple t) {
        return SCHEMA_PREDICATES.contains(t.getPredicate())
                || t.getPredicate().equals(RDF.type.asNode()) && SCHEMA_TYPES.contains(t.getObject());
    }

    @Override
    public void quad(Quad q) {
        triple(q.asTriple()); // sources are triple syntaxes: each file is one graph
    }

    @Override
    public void prefix(String prefix, String iri) {
        if (prefixes.getNsPrefixURI(prefix) == null) prefixes.setNsPrefix(prefix, iri);
    }

    @Override public void start() {}
    @Override public void base(String base) {}
    @Override public void version(String version) {}
    @Override public void finish() {}
}
