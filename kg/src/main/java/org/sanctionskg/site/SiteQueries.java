package org.sanctionskg.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.sanctionskg.rdf.SKG;

/**
 * The SPARQL behind the home page's pictures, in one place, in the ontology's terms: {@code skg:date},
 * {@code skg:timeOfDay} and {@code skg:after} / {@code skg:before} on what happened, {@code skg:imposedBy} /
 * {@code skg:targets} on restrictive measures, {@code skg:Countermeasure} for the responses. Run once when the
 * server starts, against the published (union) graph, where the entailments make after/before transitive.
 */
final class SiteQueries {
    /**
     * Something that happened, with its date in ISO form ({@code 1989}, {@code 2021-03-22}) and the report's time of
     * day (its own, else that of the announcement that made it known: the US listing is Blinken's "midday"), or null.
     */
    record Dated(Node event, String date, String timeOfDay) {}

    /** {@code earlier} happened before {@code later} ({@code later skg:after earlier}, or {@code earlier skg:before later}). */
    record Before(Node earlier, Node later) {}

    /** One measure on one target; {@code counter} for a countermeasure; {@code date} in ISO form, or null. */
    record Edge(Node measure, Node imposer, Node target, boolean counter, String date) {}

    private static final String TIMELINE = """
            SELECT ?event (MIN(STR(?d)) AS ?date) (MIN(STR(?t)) AS ?time) WHERE {
              ?event skg:date|skg:period ?d .
              FILTER(DATATYPE(?d) IN (xsd:date, xsd:gYearMonth, xsd:gYear))
              OPTIONAL { ?event skg:timeOfDay ?own }
              OPTIONAL { ?announcement skg:announces ?event ; skg:timeOfDay ?announced }
              BIND(COALESCE(?own, ?announced) AS ?t)
            } GROUP BY ?event ORDER BY ?date ?event""";
    private static final String ORDER = """
            SELECT DISTINCT ?earlier ?later WHERE {
              { ?later skg:after ?earlier } UNION { ?earlier skg:before ?later }
              ?earlier skg:date ?d1 . ?later skg:date ?d2 .
            }""";
    private static final String SANCTIONS = """
            SELECT ?measure ?imposer ?target ?counter (MIN(STR(?d)) AS ?date) WHERE {
              ?measure skg:imposedBy ?imposer ; skg:targets ?target .
              BIND(EXISTS { ?measure a skg:Countermeasure } AS ?counter)
              OPTIONAL { ?measure skg:date ?d }
            } GROUP BY ?measure ?imposer ?target ?counter ORDER BY ?imposer ?target ?date ?measure""";
    private static final String NAMES = """
            SELECT DISTINCT ?party ?name WHERE {
              ?measure skg:imposedBy ?party .
              { ?party rdfs:label ?name } UNION { ?party skos:altLabel ?name }
              FILTER(LANG(?name) = "" || LANGMATCHES(LANG(?name), "en"))
            }""";

    private final DatasetGraph dataset;
    private final String prefixes;

    SiteQueries(DatasetGraph dataset) {
        this.dataset = dataset;
        this.prefixes = "PREFIX skg: <" + SKG.NS + ">\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";
    }

    List<Dated> timeline() {
        return rows(TIMELINE).stream().map(b -> new Dated(b.get("event"), b.get("date").getLiteralLexicalForm(), text(b, "time"))).toList();
    }

    /** Every stated order between two dated events (the page keeps those of one day). */
    List<Before> order() {
        return rows(ORDER).stream().map(b -> new Before(b.get("earlier"), b.get("later"))).toList();
    }

    List<Edge> sanctions() {
        return rows(SANCTIONS).stream().map(b -> new Edge(b.get("measure"), b.get("imposer"), b.get("target"),
                Boolean.parseBoolean(b.get("counter").getLiteralLexicalForm()), text(b, "date"))).toList();
    }

    /** Each imposing party's shortest English name among its label and alternative labels ("EU", "US"), for headings. */
    Map<Node, String> shortNames() {
        Map<Node, String> names = new HashMap<>();
        Comparator<String> shortest = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());
        for (Binding b : rows(NAMES))
            names.merge(b.get("party"), b.get("name").getLiteralLexicalForm(), (x, y) -> shortest.compare(x, y) <= 0 ? x : y);
        return names;
    }

    private static String text(Binding b, String var) {
        Node n = b.get(var);
        return n == null ? null : n.getLiteralLexicalForm();
    }

    private List<Binding> rows(String query) {
        List<Binding> rows = new ArrayList<>();
        QueryExec.dataset(dataset).query(prefixes + query).select().forEachRemaining(rows::add);
        return rows;
    }
}
