package org.sanctionskg.endpoint;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;

/**
 * The SSRF guard for {@code SERVICE}: only allowlisted endpoints are called, and mapped ones (a Wikidata mirror)
 * are rewritten to their target. It sits on the per-binding chain, so {@code SERVICE ?var} is checked once bound.
 */
public final class ServicePolicy implements ChainingServiceExecutor {
    private final Set<String> allowed;
    private final Map<String, String> mirrors;
    private final int maxCalls;

    /** {@code maxCalls}: SERVICE requests one query may make, counted where the execution carries a counter ({@link GuardedQuery}). */
    public ServicePolicy(List<URI> allowed, Map<URI, URI> mirrors, int maxCalls) {
        this.maxCalls = maxCalls;
        this.allowed = allowed.stream().map(URI::toString).collect(Collectors.toUnmodifiableSet());
        this.mirrors = mirrors.entrySet().stream().collect(Collectors.toUnmodifiableMap(e -> e.getKey().toString(), e -> e.getValue().toString()));
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        Node service = opExecute.getService();
        if (!service.isURI()) throw remember(execCxt, new QueryDeniedException("SERVICE needs an IRI; got " + service));
        String iri = service.getURI();
        if (!allowed.contains(iri))
            throw remember(execCxt, new QueryDeniedException("SERVICE <" + iri + "> is not allowed; allowed endpoints: " + allowed));
        AtomicInteger calls = execCxt.getContext().get(GuardedQuery.SERVICE_CALLS);
        if (calls != null && calls.incrementAndGet() > maxCalls)
            throw remember(execCxt, new QueryDeniedException("the query sent more than " + maxCalls + " SERVICE requests, the limit per query"));
        String target = mirrors.get(iri);
        OpService op = target == null ? opExecute : new OpService(NodeFactory.createURI(target), opExecute.getSubOp(), opExecute.getSilent());
        try {
            return chain.createExecution(op, opOriginal, binding, execCxt);
        } catch (HttpException | QueryExceptionHTTP e) {
            throw remember(execCxt, upstreamFailure(iri, e));
        }
    }

    /**
     * Keeps the first SERVICE failure of the execution: inside {@code FILTER EXISTS} Jena turns an exception into
     * "false", so the answer would be an empty 200; {@link GuardedQuery} raises the kept failure instead.
     */
    private static RuntimeException remember(ExecutionContext execCxt, RuntimeException failure) {
        AtomicReference<RuntimeException> first = execCxt.getContext().get(GuardedQuery.SERVICE_FAILURE);
        if (first != null) {
            first.compareAndSet(null, failure);
            // Stop the query now: otherwise EXISTS tries (and Jena logs) the same failure for every binding.
            if (execCxt.getContext().get(ARQConstants.symCancelQuery) instanceof AtomicBoolean cancel) cancel.set(true);
        }
        return failure;
    }

    /** A remote failure is the gateway's error (502, or 504 on a timeout), never a status relayed from the remote. */
    static QueryExceptionHTTP upstreamFailure(String iri, RuntimeException e) {
        int remote = e instanceof HttpException h ? h.getStatusCode() : ((QueryExceptionHTTP) e).getStatusCode();
        boolean timedOut = false;
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) timedOut = true;
        String reason = timedOut ? "timed out"
                : remote >= 300 && remote < 400 ? "answered " + remote + " (redirects are not followed)"
                : remote > 0 ? "answered " + remote
                : "could not be reached (" + rootMessage(e) + ")";
        return new QueryExceptionHTTP(timedOut ? 504 : 502, "SERVICE <" + iri + "> " + reason, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
