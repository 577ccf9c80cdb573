package org.sanctionskg.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;

/**
 * The SSRF guard for {@code SERVICE}: only allowlisted endpoints are called, and mapped ones (a Wikidata mirror)
 * are rewritten to their target. It sits on the per-binding chain, so {@code SERVICE ?var} is checked once bound.
 */
public final class ServicePolicy implements ChainingServiceExecutor {
    private final Set<String> allowed;
    private final Map<String, String> mirrors;

    public ServicePolicy(List<URI> allowed, Map<URI, URI> mirrors) {
        this.allowed = allowed.stream().map(URI::toString).collect(Collectors.toUnmodifiableSet());
        this.mirrors = mirrors.entrySet().stream().collect(Collectors.toUnmodifiableMap(e -> e.getKey().toString(), e -> e.getValue().toString()));
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        Node service = opExecute.getService();
        if (!service.isURI()) throw new QueryDeniedException("SERVICE needs an IRI; got " + service);
        String iri = service.getURI();
        if (!allowed.contains(iri))
            throw new QueryDeniedException("SERVICE <" + iri + "> is not allowed; allowed endpoints: " + allowed);
        String target = mirrors.get(iri);
        if (target == null) return chain.createExecution(opExecute, opOriginal, binding, execCxt);
        OpService mapped = new OpService(NodeFactory.createURI(target), opExecute.getSubOp(), opExecute.getSilent());
        return chain.createExecution(mapped, opOriginal, binding, execCxt);
    }
}
