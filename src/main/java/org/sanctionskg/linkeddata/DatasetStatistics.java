package org.sanctionskg.linkeddata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * The VoID statistics of the published graph, counted once at load time. Entities are the IRIs in the dataset's
 * URI space ({@code <base>id/}) used as subjects; the Wikidata links are the {@code owl:sameAs} triples into
 * Wikidata's entity namespace.
 */
public record DatasetStatistics(long triples, long entities, long distinctSubjects, long distinctObjects,
                                long properties, long classes, long wikidataLinks,
                                Map<Node, Long> classPartitions, Map<Node, Long> propertyPartitions,
                                List<Node> examples) {
    private static final String PREFIXES = """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            """;
    private static final String TRIPLES = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";
    private static final String ENTITIES = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?space)) }";
    private static final String SUBJECTS = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }";
    private static final String OBJECTS = "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }";
    private static final String PROPERTIES = "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }";
    private static final String CLASSES = "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }";
    private static final String WIKIDATA_LINKS = PREFIXES
            + "SELECT (COUNT(*) AS ?n) { ?s owl:sameAs ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), ?wikidata)) }";
    private static final String CLASS_PARTITIONS = "SELECT ?key (COUNT(DISTINCT ?s) AS ?n) { ?s a ?key } GROUP BY ?key ORDER BY ?key";
    private static final String PROPERTY_PARTITIONS = "SELECT ?key (COUNT(*) AS ?n) { ?s ?key ?o } GROUP BY ?key ORDER BY ?key";
    /** The entities with the most statements: the first a visitor should look at. */
    private static final String EXAMPLES = """
            SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), ?space) && !CONTAINS(STR(?s), "#")) }
            GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 3""";

    /** Counts {@code graph} (the published union graph); call inside a read transaction. */
    public static DatasetStatistics of(Graph graph, String base) {
        Counter c = new Counter(graph, base);
        return new DatasetStatistics(c.count(TRIPLES), c.count(ENTITIES), c.count(SUBJECTS), c.count(OBJECTS),
                c.count(PROPERTIES), c.count(CLASSES), c.count(WIKIDATA_LINKS),
                c.partitions(CLASS_PARTITIONS), c.partitions(PROPERTY_PARTITIONS), c.examples());
    }

    /** The URI space of the dataset's entities. */
    public static String uriSpace(String base) {
        return base + "id/";
    }

    private record Counter(Graph graph, String base) {
        private List<Binding> rows(String query) {
            List<Binding> rows = new ArrayList<>();
            QueryExec.graph(graph).query(query)
                    .substitution("space", NodeFactory.createLiteralString(uriSpace(base)))
                    .substitution("wikidata", NodeFactory.createLiteralString(Namespaces.WIKIDATA_ENTITY))
                    .select().forEachRemaining(rows::add);
            return rows;
        }

        long count(String query) {
            return number(rows(query).get(0).get("n"));
        }

        Map<Node, Long> partitions(String query) {
            Map<Node, Long> map = new LinkedHashMap<>();
            for (Binding row : rows(query)) map.put(row.get("key"), number(row.get("n")));
            return map;
        }

        List<Node> examples() {
            return rows(EXAMPLES).stream().map(row -> row.get("s")).toList();
        }

        private static long number(Node n) {
            return ((Number) n.getLiteralValue()).longValue();
        }
    }
}
