package org.sanctionskg.linkeddata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.rdf.Namespaces;

/** The published ontology: the named graph that declares {@code <base>ontology} an {@code owl:Ontology}. */
public record Ontology(Node iri, Graph graph) {
    static final Set<Node> OBJECT_PROPERTY = Set.of(OWL2.ObjectProperty.asNode());
    static final Set<Node> PROPERTY_TYPES = Set.of(OWL2.ObjectProperty.asNode(), OWL2.DatatypeProperty.asNode(),
            OWL2.AnnotationProperty.asNode(), RDF.Property.asNode());
    static final Set<Node> CLASS_TYPES = Set.of(OWL2.Class.asNode(), RDFS.Class.asNode());

    /** Reads the ontology out of the store (call inside a read transaction); empty when the store has none. */
    public static Optional<Ontology> find(DatasetGraph dataset, String base) {
        Node iri = NodeFactory.createURI(Namespaces.ontologyIri(base));
        Graph copy = GraphFactory.createDefaultGraph();
        dataset.find(Node.ANY, iri, RDF.type.asNode(), OWL2.Ontology.asNode())
                .forEachRemaining(q -> dataset.getGraph(q.getGraph()).find().forEachRemaining(copy::add));
        copy.getPrefixMapping().setNsPrefixes(Namespaces.prefixMapping(base));
        return copy.isEmpty() ? Optional.empty() : Optional.of(new Ontology(iri, copy));
    }

    /** The ontology's own namespace ({@code …/ontology#}). */
    public String namespace() {
        return iri.getURI() + "#";
    }

    /** True when {@code term} is declared in this ontology with one of {@code types}. */
    public boolean declares(Node term, Set<Node> types) {
        return types.stream().anyMatch(t -> graph.contains(term, RDF.type.asNode(), t));
    }

    /**
     * The JSON-LD context published at {@code <base>context.jsonld}: every prefix, and a short term per class and
     * property of the ontology (object properties typed {@code @id}, so their values compact to plain IRIs).
     */
    public static JsonLdContext context(Optional<Ontology> ontology, String base) {
        Map<String, String> prefixes = Namespaces.prefixes(base);
        List<JsonLdContext.Term> terms = ontology.map(o -> o.terms(prefixes.keySet()).entrySet().stream()
                .map(e -> new JsonLdContext.Term(e.getKey(), e.getValue().getURI(), o.declares(e.getValue(), OBJECT_PROPERTY))).toList())
                .orElse(List.of());
        return new JsonLdContext(base + "context.jsonld", prefixes, terms);
    }

    /** Classes and properties in the ontology namespace by local name; names that clash with a prefix are left out. */
    private Map<String, Node> terms(Set<String> taken) {
        Map<String, Node> terms = new TreeMap<>();
        graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
            Node s = t.getSubject();
            if (!s.isURI() || !s.getURI().startsWith(namespace())) return;
            if (!PROPERTY_TYPES.contains(t.getObject()) && !CLASS_TYPES.contains(t.getObject())) return;
            String name = s.getURI().substring(namespace().length());
            if (name.matches("[A-Za-z_][A-Za-z0-9_-]*") && !taken.contains(name)) terms.putIfAbsent(name, s);
        });
        return terms;
    }
}
