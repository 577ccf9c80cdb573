package org.sanctionskg.query;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.sanctionskg.web.RequestException;

/**
 * A parsed canned query: its name (the file stem), its documentation and its SPARQL. Request values become RDF
 * terms bound to the query's variables ({@link #bind}); the query text itself never changes.
 *
 * @param text the file as written, header included
 * @param federated true when the query calls {@code SERVICE}: its answers depend on more than our store
 */
public record CannedQuery(String name, Header header, Query query, String text, boolean federated) {

    static CannedQuery of(String name, Header header, Query query, String text) {
        return new CannedQuery(name, header, query, text, callsService(query));
    }

    /** The bindings for one request: every declared parameter given, defaulted or left unbound; anything else is a 400. */
    public Binding bind(Map<String, List<String>> request) {
        for (String given : request.keySet())
            if (header.params().stream().noneMatch(p -> p.name().equals(given))) throw unknown(given);
        BindingBuilder binding = BindingBuilder.create();
        for (Param p : header.params()) {
            List<String> values = request.getOrDefault(p.name(), List.of());
            if (values.size() > 1) throw RequestException.badParameter(p.name(), "given " + values.size() + " times; give it once");
            String text = values.isEmpty() ? p.defaultText() : values.get(0);
            if (text == null && p.required()) throw RequestException.badParameter(p.name(), "is required (" + p.type().expected() + ")");
            if (text != null) binding.add(Var.alloc(p.name()), p.bind(text, query.getPrefixMapping()));
        }
        return binding.build();
    }

    private RequestException unknown(String given) {
        String known = header.params().stream().map(Param::name).collect(Collectors.joining(", "));
        return RequestException.badParameter(given, "unknown; " + (known.isEmpty() ? name + " takes no parameters"
                : name + " takes " + known) + " (and format)");
    }

    /** The result form: select, ask, construct or describe. */
    public String form() {
        if (query.isSelectType()) return "select";
        if (query.isAskType()) return "ask";
        return query.isConstructType() ? "construct" : "describe";
    }

    /** True for CONSTRUCT and DESCRIBE, whose answer is a graph rather than a table. */
    public boolean returnsGraph() {
        return query.isConstructType() || query.isDescribeType();
    }

    /** The binding as {@code name=term} pairs in parameter order: a stable part of cache keys. */
    static String describe(Binding binding) {
        StringBuilder sb = new StringBuilder();
        binding.vars().forEachRemaining(v -> {
            Node n = binding.get(v);
            sb.append(v.getVarName()).append('=').append(NodeFmtLib.strNT(n)).append('\u0000');
        });
        return sb.toString();
    }

    private static boolean callsService(Query query) {
        return !services(query).isEmpty();
    }

    /** True when a {@code SERVICE SILENT} would turn an unreachable endpoint into an empty answer. */
    static boolean callsServiceSilently(Query query) {
        return services(query).stream().anyMatch(OpService::getSilent);
    }

    /** The constant endpoint IRIs this query calls with {@code SERVICE}. */
    public List<String> serviceIris() {
        return services(query).stream().map(OpService::getService).filter(n -> n.isURI()).map(n -> n.getURI()).toList();
    }

    private static List<OpService> services(Query query) {
        List<OpService> found = new java.util.ArrayList<>();
        OpWalker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                found.add(op);
            }
        });
        return found;
    }
}
