package org.sanctionskg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.sparql.engine.binding.BindingLib;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.sanctionskg.query.CannedQuery;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.web.RequestException;

/**
 * Canned-query requests and the SPARQL each one runs. The SPARQL is the canned query with its parameters replaced
 * by their RDF terms exactly as {@code /queries/{name}} binds them ({@code QueryExec.substitution} →
 * {@code QueryTransformOps.replaceVars}), so {@code /sparql} and Virtuoso are given the very query the API executes.
 */
final class CannedWorkload {
    /** One request: the canned query, its parameters, and the equivalent SPARQL text. */
    record Call(String name, Map<String, String> params, String sparql) {
        /** {@code /queries/{name}?k=v…} on the server whose SPARQL endpoint is {@code sparql}. */
        HttpRequest get(URI sparqlEndpoint, String etag) {
            String query = params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&", params.isEmpty() ? "" : "?", ""));
            HttpRequest.Builder b = HttpRequest.newBuilder(sparqlEndpoint.resolve("/queries/" + name + query))
                    .header("Accept", ServerProcess.RESULTS_JSON).timeout(Duration.ofSeconds(120)).GET();
            if (etag != null) b.header("If-None-Match", etag);
            return b.build();
        }
    }

    private final Catalogue catalogue;

    CannedWorkload(Path queriesDir) {
        this.catalogue = Catalogue.load(queriesDir);
    }

    /** Every canned query that reads only our store and runs without a request value (defaults applied). */
    List<Call> repeatable() {
        List<Call> calls = new ArrayList<>();
        for (CannedQuery q : catalogue.all()) {
            if (q.federated() || !q.query().isSelectType()) continue;
            try {
                calls.add(call(q.name(), Map.of()));
            } catch (RequestException needsAValue) {
                // a required parameter without default: nothing to repeat
            }
        }
        return calls;
    }

    /** The call of {@code name} with these parameter values. */
    Call call(String name, Map<String, String> params) {
        CannedQuery q = catalogue.get(name);
        Map<String, List<String>> request = new LinkedHashMap<>();
        params.forEach((k, v) -> request.put(k, List.of(v)));
        String sparql = QueryTransformOps.replaceVars(q.query(), BindingLib.bindingToMap(q.bind(request))).serialize();
        return new Call(name, Map.copyOf(params), sparql);
    }
}
