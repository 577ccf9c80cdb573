package org.sanctionskg.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Materializes the entailments of the publishing profile: class and property hierarchies (with equivalences),
 * domains and ranges, inverses, symmetric and transitive properties.
 *
 * <p>The schema is small, so its closure is computed once; the data is then read in one pass, which keeps
 * materialization linear in the size of the data.
 */
public final class Entailments {
    private final Map<Node, Set<Node>> superClasses;
    private final Map<Node, Set<Node>> superProperties;
    private final Map<Node, Set<Node>> inverses;
    private final Set<Node> symmetric;
    private final Set<Node> transitive;
    private final Map<Node, Set<Node>> domains;
    private final Map<Node, Set<Node>> ranges;
    private final Map<Node, Set<Edge>> edgesByProperty = new HashMap<>();
    private final Map<Node, Set<Node>> classClosure = new HashMap<>();

    /** A property as asserted forward (s p o) or backward (o p s) from a base triple. */
    private record Edge(Node property, boolean forward) {}

    private Entailments(Graph schema) {
        superClasses = pairs(schema, RDFS.subClassOf.asNode(), OWL2.equivalentClass.asNode());
        superProperties = pairs(schema, RDFS.subPropertyOf.asNode(), OWL2.equivalentProperty.asNode());
        inverses = pairs(schema, OWL2.inverseOf.asNode(), OWL2.inverseOf.asNode());
        symmetric = subjectsOfType(schema, OWL2.SymmetricProperty.asNode());
        transitive = subjectsOfType(schema, OWL2.TransitiveProperty.asNode());
        domains = pairs(schema, RDFS.domain.asNode(), null);
        ranges = pairs(schema, RDFS.range.asNode(), null);
    }

    /** The triples entailed by {@code graph} under the profile that it does not already hold. */
    public static Graph of(Graph graph) {
        Graph inferred = GraphFactory.createDefaultGraph();
        Consumer<Triple> keepNew = t -> {
            if (!graph.contains(t)) inferred.add(t);
        };
        Entailments profile = new Entailments(graph);
        graph.find().forEachRemaining(t -> profile.entail(t, keepNew));
        Graph both = new org.apache.jena.graph.compose.Union(graph, inferred);
        for (Node p : profile.transitive) transitiveClosure(both, p, keepNew);
        return inferred;
    }

    /** The profile of {@code schema}, closed once, for {@link #entail} to apply triple by triple. */
    public static Entailments profile(Graph schema) {
        return new Entailments(schema);
    }

    /** The transitive properties of the schema: their closure needs the whole data, not one triple. */
    public Set<Node> transitiveProperties() {
        return Set.copyOf(transitive);
    }

    /** Sends to {@code out} what {@code t} entails on its own (everything but transitivity); may repeat itself. */
    public void entail(Triple t, Consumer<Triple> out) {
        Node type = RDF.type.asNode();
        if (t.getPredicate().equals(type)) {
            for (Node c : classesOf(t.getObject())) out.accept(Triple.create(t.getSubject(), type, c));
            return;
        }
        for (Edge e : edgesOf(t.getPredicate())) {
            Node s = e.forward() ? t.getSubject() : t.getObject();
            Node o = e.forward() ? t.getObject() : t.getSubject();
            if (s.isLiteral()) continue;
            if (!(e.forward() && e.property().equals(t.getPredicate())))
                out.accept(Triple.create(s, e.property(), o));
            typeAll(s, domains.get(e.property()), out);
            if (!o.isLiteral()) typeAll(o, ranges.get(e.property()), out);
        }
    }

    private void typeAll(Node resource, Set<Node> classes, Consumer<Triple> out) {
        if (classes == null) return;
        for (Node c : classes) {
            out.accept(Triple.create(resource, RDF.type.asNode(), c));
            for (Node sup : classesOf(c)) out.accept(Triple.create(resource, RDF.type.asNode(), sup));
        }
    }

    /** Strict superclasses of a class (the class itself excluded: it is already asserted). */
    private Set<Node> classesOf(Node c) {
        return classClosure.computeIfAbsent(c, k -> reach(k, superClasses));
    }

    /** Every (property, direction) a triple with predicate {@code p} entails, itself included. */
    private Set<Edge> edgesOf(Node p) {
        return edgesByProperty.computeIfAbsent(p, this::closeEdges);
    }

    private Set<Edge> closeEdges(Node p) {
        Set<Edge> seen = new LinkedHashSet<>();
        Deque<Edge> todo = new ArrayDeque<>();
        todo.add(new Edge(p, true));
        while (!todo.isEmpty()) {
            Edge e = todo.poll();
            if (!seen.add(e)) continue;
            for (Node sup : superProperties.getOrDefault(e.property(), Set.of())) todo.add(new Edge(sup, e.forward()));
            for (Node inv : inverses.getOrDefault(e.property(), Set.of())) todo.add(new Edge(inv, !e.forward()));
            if (symmetric.contains(e.property())) todo.add(new Edge(e.property(), !e.forward()));
        }
        return seen;
    }

    /** The pairs that the transitivity of {@code p} adds to {@code data}; holds {@code p}'s edges (only) in memory. */
    public static void transitiveClosure(Graph data, Node p, Consumer<Triple> out) {
        Map<Node, Set<Node>> next = new HashMap<>();
        data.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> next.computeIfAbsent(t.getSubject(), k -> new HashSet<>()).add(t.getObject()));
        for (Node s : next.keySet()) for (Node o : reach(s, next)) if (!o.equals(s)) out.accept(Triple.create(s, p, o));
    }

    private static Set<Node> reach(Node start, Map<Node, Set<Node>> edges) {
        Set<Node> seen = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>(edges.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            if (seen.add(n)) todo.addAll(edges.getOrDefault(n, Set.of()));
        }
        seen.remove(start);
        return seen;
    }

    /** Edges of a schema property; a symmetric one (equivalence) is recorded both ways. */
    private static Map<Node, Set<Node>> pairs(Graph schema, Node forward, Node symmetricProperty) {
        Map<Node, Set<Node>> map = new HashMap<>();
        schema.find(Node.ANY, forward, Node.ANY).forEachRemaining(t -> add(map, t.getSubject(), t.getObject()));
        if (symmetricProperty != null)
            schema.find(Node.ANY, symmetricProperty, Node.ANY).forEachRemaining(t -> {
                add(map, t.getSubject(), t.getObject());
                add(map, t.getObject(), t.getSubject());
            });
        return map;
    }

    private static void add(Map<Node, Set<Node>> map, Node from, Node to) {
        if (from.isURI() && to.isURI() && !from.equals(to)) map.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    }

    private static Set<Node> subjectsOfType(Graph schema, Node type) {
        Set<Node> set = new HashSet<>();
        schema.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> set.add(t.getSubject()));
        return set;
    }
}
