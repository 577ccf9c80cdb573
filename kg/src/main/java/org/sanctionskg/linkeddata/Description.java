package org.sanctionskg.linkeddata;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.sanctionskg.rdf.Namespaces;

/**
 * The bounded description of a resource, as published at its IRI:
 * <ul>
 * <li>its own triples, closed over the blank nodes and the {@code #fragment} IRIs of its document (a concise
 *     bounded description, with the fragments treated like blank nodes because they belong to the same page);</li>
 * <li>the triples that point at it (incoming links);</li>
 * <li>the excerpts its facts are derived from ({@code prov:wasDerivedFrom}, which the load materializes from every
 *     subproperty), each with its selectors;</li>
 * <li>the labels of every resource it mentions, so that a client can show names without further requests.</li>
 * </ul>
 */
public final class Description {
    private static final List<Node> LABELS = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode());

    private Description() {}

    /** The description of {@code resource} in {@code graph} (the union graph, inside a read transaction); empty when unknown. */
    public static Graph of(Graph graph, Node resource) {
        Graph out = GraphFactory.createDefaultGraph();
        Set<Node> own = close(graph, resource, out);
        graph.find(Node.ANY, Node.ANY, resource).forEachRemaining(out::add);
        for (Node excerpt : excerpts(graph, resource)) own.addAll(close(graph, excerpt, out));
        addLabels(graph, out, own);
        return out;
    }

    /** The excerpts that support {@code resource}'s facts: what it is derived from that has a selector. */
    public static List<Node> excerpts(Graph graph, Node resource) {
        return graph.find(resource, Namespaces.WAS_DERIVED_FROM, Node.ANY).mapWith(Triple::getObject)
                .filterKeep(o -> !o.isLiteral() && graph.contains(o, OA.hasSelector.asNode(), Node.ANY)).toList();
    }

    /** Adds {@code start}'s triples, following blank nodes and fragments of its document; returns the nodes visited. */
    private static Set<Node> close(Graph graph, Node start, Graph out) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(start));
        String document = start.isURI() ? documentOf(start.getURI()) + "#" : null;
        while (!todo.isEmpty()) {
            Node s = todo.poll();
            if (!seen.add(s)) continue;
            graph.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                out.add(t);
                Node o = t.getObject();
                if (o.isBlank() || document != null && o.isURI() && o.getURI().startsWith(document)) todo.add(o);
            });
        }
        return seen;
    }

    private static void addLabels(Graph graph, Graph out, Set<Node> described) {
        Set<Node> mentioned = new HashSet<>();
        out.find().forEachRemaining(t -> {
            mentioned.add(t.getSubject());
            if (t.getObject().isURI()) mentioned.add(t.getObject());
        });
        mentioned.removeAll(described);
        for (Node n : mentioned)
            for (Node p : LABELS) graph.find(n, p, Node.ANY).forEachRemaining(out::add);
    }

    /** The IRI without its fragment. */
    static String documentOf(String iri) {
        int hash = iri.indexOf('#');
        return hash < 0 ? iri : iri.substring(0, hash);
    }
}
