package org.sanctionskg.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.sanctionskg.endpoint.QueryWatchdog;
import org.sanctionskg.query.AnswerCache.Answer;

/**
 * Runs canned queries on the store and keeps their answers. The data only changes with a new load, so an answer is
 * fixed by (query, parameters, format, store version): it is executed once, then served from a bounded cache, and
 * its ETag is known without executing. Federated queries depend on another service too: they run every time.
 */
public final class Answers {
    private final String base;
    private final DatasetGraph dataset;
    private final String storeVersion;
    private final Duration timeout;
    private final AnswerCache cache = new AnswerCache(2048, 64L << 20);

    private final QueryWatchdog watchdog;

    /** {@code dataset} must already carry the {@code ExecutionPolicy}; {@code watchdog} stops each answer at {@code timeout}. */
    public Answers(DatasetGraph dataset, String storeVersion, Duration timeout, String base, QueryWatchdog watchdog) {
        this.watchdog = watchdog;
        this.base = base;
        this.dataset = dataset;
        this.storeVersion = storeVersion;
        this.timeout = timeout;
    }

    /** The ETag of this answer when it can be known without executing (the query reads only our store); else null. */
    String etagBeforehand(CannedQuery q, Binding binding, ResultFormat format) {
        return q.federated() ? null : tag(key(q, binding, format));
    }

    /** The answer, from the cache when it is there. */
    Answer answer(CannedQuery q, Binding binding, ResultFormat format) {
        String key = key(q, binding, format);
        if (q.federated()) {
            byte[] body = execute(q, binding, format);
            return new Answer(body, format, tag(key + new String(body, StandardCharsets.UTF_8)));
        }
        Answer hit = cache.get(key);
        if (hit != null) return hit;
        Answer fresh = new Answer(execute(q, binding, format), format, tag(key));
        cache.put(key, fresh);
        return fresh;
    }

    private String key(CannedQuery q, Binding binding, ResultFormat format) {
        // The query text is part of the key: an edited .rq on the same store is a different answer.
        return q.name() + '\u0001' + q.text().hashCode() + '\u0001' + CannedQuery.describe(binding) + '\u0001' + format.name() + '\u0001' + storeVersion;
    }

    private byte[] execute(CannedQuery q, Binding binding, ResultFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(dataset, () -> {
            try (QueryWatchdog.Watched run = watchdog.exec(dataset, q.query(), binding, timeout)) {
                write(run.exec(), q, binding, format, out);
            }
        });
        return out.toByteArray();
    }

    private void write(QueryExec exec, CannedQuery q, Binding binding, ResultFormat format, ByteArrayOutputStream out) {
        if (q.query().isSelectType()) {
            RowSet rows = exec.select();
            if (format.isHtml()) html(out, HtmlViews.table(q, binding, rows, base, storeVersion));
            else ResultSetMgr.write(out, ResultSet.adapt(rows), format.resultLang());
        } else if (q.query().isAskType()) {
            boolean answer = exec.ask();
            if (format.isHtml()) html(out, HtmlViews.ask(q, binding, answer, base, storeVersion));
            else ResultSetMgr.write(out, answer, format.resultLang());
        } else {
            Graph graph = q.query().isConstructType() ? exec.construct() : exec.describe();
            graph.getPrefixMapping().setNsPrefixes(q.query().getPrefixMapping());
            if (format.isHtml()) html(out, HtmlViews.graph(q, binding, graph, base, storeVersion));
            else RDFDataMgr.write(out, graph, format.rdfFormat());
        }
    }

    private static void html(ByteArrayOutputStream out, String page) {
        out.writeBytes(page.getBytes(StandardCharsets.UTF_8));
    }

    /** A strong validator: the first 128 bits of SHA-256, base64url. */
    private static String tag(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
