package org.sanctionskg.query;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;

/** Reads answers back in tests: SPARQL JSON results as rows of variable to term text (IRI or lexical form). */
final class Answered {
    private Answered() {}

    static List<Map<String, String>> rows(String sparqlJson) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(sparqlJson.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.nextBinding();
            Map<String, String> row = new LinkedHashMap<>();
            b.vars().forEachRemaining(v -> row.put(v.getVarName(), text(b.get(v))));
            rows.add(row);
        }
        return rows;
    }

    /** The values of one column, in row order. */
    static List<String> column(List<Map<String, String>> rows, String var) {
        return rows.stream().map(r -> r.get(var)).toList();
    }

    private static String text(Node n) {
        return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
