package org.sanctionskg.endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * Fuseki's query operation with our budget: the deadline (planning included) kept by {@link QueryWatchdog} instead of
 * Jena's single timer, a planner stack overflow answered 400, at most so many rows (said in a header before the
 * body), a count of SERVICE calls that {@link ServicePolicy} caps, and the {@link PredeclaredPrefixes}.
 */
public final class GuardedQuery extends SPARQL_QueryDataset {
    /** Rows cut by the cap: {@code X-Result-Truncated: true}, and the cap in {@code X-Result-Limit}. */
    public static final String TRUNCATED = "X-Result-Truncated";
    public static final String LIMIT = "X-Result-Limit";
    /** The per-query count of SERVICE requests, in the execution's context. */
    public static final Symbol SERVICE_CALLS = Symbol.create("urn:x-sanctions-kg:service-calls");
    /** The first SERVICE refusal or failure of the query, raised even where EXISTS swallowed it. */
    public static final Symbol SERVICE_FAILURE = Symbol.create("urn:x-sanctions-kg:service-failure");
    private static final Symbol TICKET = Symbol.create("urn:x-sanctions-kg:watchdog-ticket");
    private static final Symbol DEADLINE = Symbol.create("urn:x-sanctions-kg:deadline");

    private final QueryWatchdog watchdog;
    private final Duration limit;
    private final int rowLimit;
    private final PredeclaredPrefixes prefixes;

    public GuardedQuery(QueryWatchdog watchdog, Duration limit, int rowLimit, PredeclaredPrefixes prefixes) {
        this.watchdog = watchdog;
        this.limit = limit;
        this.rowLimit = rowLimit;
        this.prefixes = prefixes;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        action.getContext().set(DEADLINE, System.nanoTime() + effectiveLimit(action).toNanos());
        try {
            super.execute(withPrefixes(queryString), action);
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("the query is too complex to plan (nesting or chains too long)");
        } catch (QueryCancelledException e) {
            raiseServiceFailure(action, null); // a SERVICE failure cancels the query: report the failure, not a timeout
            throw e;
        } catch (RuntimeException e) {
            // After an abort Jena may report the cancel as another failure (a closed sort bag).
            Object ticket = action.getContext().get(TICKET);
            if (ticket instanceof QueryWatchdog.Ticket t && t.fired()) throw new QueryCancelledException();
            throw e;
        } finally {
            if (action.getContext().get(TICKET) instanceof QueryWatchdog.Ticket t) t.close();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        Context cxt = action.getContext(); // a per-request copy (HttpAction: Context.mergeCopy)
        AtomicBoolean cancel = QueryWatchdog.takeOver(cxt); // no Jena alarm for this execution: the watchdog keeps the time
        cxt.set(SERVICE_CALLS, new AtomicInteger());
        cxt.set(SERVICE_FAILURE, new AtomicReference<RuntimeException>());
        QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(query).context(cxt).build();
        cxt.set(TICKET, watchdog.watch(exec, cancel, cxt.get(DEADLINE)));
        return exec;
    }

    /**
     * Every answer is computed whole before anything is sent (Fuseki's own CONSTRUCT, DESCRIBE and ASK are; SELECT
     * rows are taken here up to the cap, JSON items too), so a timeout never cuts a 200 short and the headers can
     * say whether the cap cut the answer.
     */
    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query requestQuery, String queryStringLog) {
        AnswerOffers.check(action, requestQuery); // before any work: a 406 costs no execution
        if (requestQuery.isJsonType()) return raiseServiceFailure(action, new QueryExecResult(exec.execJson().stream()
                .map(JsonValue::getAsObject).toList().iterator()));
        if (!requestQuery.isSelectType()) return raiseServiceFailure(action, super.executeQuery(action, exec, requestQuery, queryStringLog));
        RowSet rows = exec.select();
        List<Binding> kept = new ArrayList<>();
        while (kept.size() < rowLimit && rows.hasNext()) kept.add(rows.next());
        boolean truncated = rows.hasNext();
        raiseServiceFailure(action, null);
        action.getResponse().setHeader(LIMIT, Integer.toString(rowLimit));
        action.getResponse().setHeader(TRUNCATED, Boolean.toString(truncated));
        return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
    }

    private String withPrefixes(String queryString) {
        try {
            return queryString.isBlank() ? queryString : prefixes.resolve(queryString); // Fuseki words the blank query's 400
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest(SPARQLProtocol.messageForParseException(e));
            return null;
        }
    }

    private static QueryExecResult raiseServiceFailure(HttpAction action, QueryExecResult result) {
        AtomicReference<RuntimeException> failure = action.getContext().get(SERVICE_FAILURE);
        if (failure != null && failure.get() != null) throw failure.get();
        return result;
    }

    /** The server's limit, shortened (never lengthened) by the protocol's {@code ?timeout=} (seconds). */
    private Duration effectiveLimit(HttpAction action) {
        String p = action.getRequestParameter("timeout");
        if (p != null) {
            Pair<Long, Long> t = Timeouts.parseTimeoutStr(p, TimeUnit.SECONDS);
            if (t != null && t.getRight() > 0 && t.getRight() < limit.toMillis()) return Duration.ofMillis(t.getRight());
        }
        return limit;
    }
}
