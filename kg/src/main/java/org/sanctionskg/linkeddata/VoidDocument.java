package org.sanctionskg.linkeddata;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.VOID;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.store.Build;

/** The dataset description a build published, read once, with the figures pages show. */
public record VoidDocument(Graph graph, Node dataset) {

    public static VoidDocument load(Build build, String base) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(Published.read(Published.description(build)))).lang(Lang.TURTLE).parse(g);
        g.getPrefixMapping().setNsPrefixes(Namespaces.prefixMapping(base));
        return new VoidDocument(g, NodeFactory.createURI(DatasetDescription.datasetIri(base)));
    }

    /** A count of the dataset ({@code void:triples}, {@code void:entities}, …); -1 when absent. */
    public long count(org.apache.jena.rdf.model.Property property) {
        return count(dataset, property.asNode());
    }

    /** The Wikidata linkset's {@code void:triples}. */
    public long wikidataLinks() {
        return graph.find(dataset, VOID.subset.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream()
                .mapToLong(s -> count(s, VOID.triples.asNode())).filter(n -> n >= 0).sum();
    }

    /** Instances per class, as the class partitions give them. */
    public Map<Node, Long> classPartitions() {
        Map<Node, Long> map = new LinkedHashMap<>();
        graph.find(dataset, VOID.classPartition.asNode(), Node.ANY).forEachRemaining(t -> {
            Node cls = graph.find(t.getObject(), VOID._class.asNode(), Node.ANY).next().getObject();
            map.put(cls, count(t.getObject(), VOID.entities.asNode()));
        });
        return map;
    }

    private long count(Node s, Node p) {
        return graph.find(s, p, Node.ANY).mapWith(t -> ((Number) t.getObject().getLiteralValue()).longValue())
                .nextOptional().orElse(-1L);
    }
}
