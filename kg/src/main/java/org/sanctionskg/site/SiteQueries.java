package org.sanctionskg.site;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.sanctionskg.rdf.SKG;

/**
 * The SPARQL behind the home page's pictures, in one place, in the ontology's terms: {@code skg:date} on what
 * happened, {@code skg:imposedBy} / {@code skg:targets} on restrictive measures, {@code skg:Countermeasure} for
 * the responses. Run once when the server starts, against the published (union) graph.
 */
final class SiteQueries {
    /** Something that happened, with its date in ISO form ({@code 1989}, {@code 2021-01}, {@code 2021-03-22}). */
    record Dated(Node event, String date) {}

    /** One imposer–target pair; {@code counter} when the measure is a countermeasure. */
    record Edge(Node imposer, Node target, boolean counter) {}

    private static final String TIMELINE = """
            SELECT ?event (MIN(STR(?d)) AS ?date) WHERE {
              ?event skg:date|skg:period ?d .
              FILTER(DATATYPE(?d) IN (xsd:date, xsd:gYearMonth, xsd:gYear))
            } GROUP BY ?event ORDER BY ?date ?event""";
    private static final String SANCTIONS = """
            SELECT DISTINCT ?imposer ?target ?counter WHERE {
              ?measure skg:imposedBy ?imposer ; skg:targets ?target .
              BIND(EXISTS { ?measure a skg:Countermeasure } AS ?counter)
            } ORDER BY ?imposer ?target""";

    private final DatasetGraph dataset;
    private final String prefixes;

    SiteQueries(DatasetGraph dataset, String base) {
        this.dataset = dataset;
        this.prefixes = "PREFIX skg: <" + SKG.NS + ">\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
    }

    List<Dated> timeline() {
        return rows(TIMELINE).stream().map(b -> new Dated(b.get("event"), b.get("date").getLiteralLexicalForm())).toList();
    }

    List<Edge> sanctions() {
        return rows(SANCTIONS).stream()
                .map(b -> new Edge(b.get("imposer"), b.get("target"), Boolean.parseBoolean(b.get("counter").getLiteralLexicalForm()))).toList();
    }

    private List<Binding> rows(String query) {
        List<Binding> rows = new ArrayList<>();
        QueryExec.dataset(dataset).query(prefixes + query).select().forEachRemaining(rows::add);
        return rows;
    }
}
