package org.sanctionskg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.sanctionskg.UserException;

/** Checks that two servers give the same answer before their speeds are compared. */
final class Answers {
    private Answers() {}

    /**
     * The rows of a SPARQL JSON answer, each as its variables' lexical forms, sorted: equal for equal answers
     * whatever the row order and whichever engine wrote them (datatype spellings differ between engines).
     */
    static List<String> fingerprint(HttpClient http, HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<InputStream> res = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = res.body()) {
                if (res.statusCode() != 200)
                    throw new UserException(request.uri().getHost() + ":" + request.uri().getPort() + " answered "
                            + res.statusCode() + ": " + new String(body.readNBytes(300)));
                ResultSet rows = ResultSetMgr.read(body, ResultSetLang.RS_JSON);
                List<String> out = new ArrayList<>();
                while (rows.hasNext()) out.add(row(rows.next()));
                out.sort(null);
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(QuerySolution solution) {
        TreeMap<String, String> values = new TreeMap<>();
        solution.varNames().forEachRemaining(v -> values.put(v, lexical(solution.get(v))));
        return values.toString();
    }

    private static String lexical(RDFNode node) {
        if (node.isLiteral()) return node.asLiteral().getLexicalForm();
        if (node.isAnon()) return "_:";
        return node.asResource().getURI();
    }
}
