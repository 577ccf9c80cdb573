package org.sanctionskg.query;

import org.sanctionskg.web.ConditionalGet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.sanctionskg.query.AnswerCache.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /queries}, {@code /queries/openapi.json} and {@code /queries/{name}}; every failure becomes a status here, in {@link #failure}. */
final class QueryServlet extends HttpServlet {
    /** Answers change only with a new load: caches may keep them a while, and revalidate cheaply by ETag. */
    private static final Logger LOG = LoggerFactory.getLogger(QueryServlet.class);
    private static final String JSON = "application/json";
    private static final String HTML = "text/html";

    private final QueryApi api;

    QueryServlet(QueryApi api) {
        this.api = api;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            res.setHeader("Allow", "GET, HEAD");
            send(req, res, 405, "text/plain; charset=utf-8", "405: canned queries are read with GET\n");
            return;
        }
        CannedQuery query = null;
        try {
            String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
            if (path.equals("/")) catalogue(req, res);
            else if (path.equals("/openapi.json")) send(req, res, 200, JSON, api.openApi());
            else if (path.indexOf('/', 1) >= 0) throw new RequestException(404, "no such page: /queries" + path);
            else {
                query = api.catalogue().get(path.substring(1));
                answer(query, req, res);
            }
        } catch (RuntimeException e) {
            Failure f = failure(e, query);
            if (f.status >= 500) LOG.warn("{} {}: {}", req.getRequestURI(), f.status, f.message, f.status == 500 ? e : null);
            res.resetBuffer(); // keeps CORS and Vary, which browsers need to read the error
            res.setHeader("ETag", null);
            res.setHeader("Cache-Control", "no-store");
            send(req, res, f.status, "text/plain; charset=utf-8", f.status + ": " + f.message + "\n");
        }
    }

    private void catalogue(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        res.setHeader("Cache-Control", ConditionalGet.CACHE_CONTROL);
        String format = req.getParameter("format");
        String type;
        if (format != null) type = format.equals("json") ? JSON : format.equals("html") ? HTML : null;
        else if (req.getHeader("Accept") == null) type = JSON;
        else {
            MediaType m = AcceptList.match(new AcceptList(req.getHeader("Accept")), AcceptList.create(JSON, HTML));
            type = m == null ? null : m.getContentTypeStr();
        }
        if (type == null) throw new RequestException(406, "the catalogue is offered as json (application/json) or html (text/html)");
        send(req, res, 200, type.equals(JSON) ? JSON : HTML + "; charset=utf-8", type.equals(JSON) ? api.catalogueJson() : api.catalogueHtml());
    }

    private void answer(CannedQuery query, HttpServletRequest req, HttpServletResponse res) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> params.put(k, Arrays.asList(v)));
        List<String> format = params.remove("format");
        if (format != null && format.size() > 1) throw new RequestException(400, "parameter 'format': given " + format.size() + " times");
        Binding binding = query.bind(params);
        ResultFormat chosen = ResultFormat.choose(query.returnsGraph(), format == null ? null : format.get(0), req.getHeader("Accept"));
        res.setHeader("Vary", "Accept");
        res.setHeader("Cache-Control", ConditionalGet.CACHE_CONTROL);
        String known = api.answers().etagBeforehand(query, binding, chosen);
        if (known != null && ConditionalGet.notModified(req, res, known)) return;
        Answer answer = api.answers().answer(query, binding, chosen);
        if (ConditionalGet.notModified(req, res, answer.etag())) return;
        send(req, res, 200, chosen.contentType(), answer.body());
    }

    private record Failure(int status, String message) {}

    /** The one place errors become HTTP statuses. {@code query} is the canned query being answered, if any. */
    static Failure failure(RuntimeException e, CannedQuery query) {
        if (e instanceof RequestException r) return new Failure(r.status(), r.getMessage());
        boolean federated = query != null && query.federated();
        if (e instanceof QueryCancelledException)
            return federated ? new Failure(504, "a federated endpoint did not answer within the time limit; no partial answer is returned")
                    : new Failure(503, "the query exceeded the time limit and was stopped; no partial answer is returned");
        if (e instanceof QueryDeniedException) return new Failure(422, e.getMessage()); // as /sparql answers
        QueryExceptionHTTP upstream = find(e, QueryExceptionHTTP.class);
        if (upstream != null && (upstream.getStatusCode() == 502 || upstream.getStatusCode() == 504))
            return new Failure(upstream.getStatusCode(), "a federated endpoint failed: " + upstream.getMessage()); // classified by ServicePolicy
        if (inChain(e, HttpTimeoutException.class))
            return new Failure(504, "a federated endpoint did not answer within the time limit; no partial answer is returned");
        if (inChain(e, ConnectException.class)) return new Failure(502, "a federated endpoint could not be reached (connection refused)");
        if (inChain(e, QueryExceptionHTTP.class) || inChain(e, HttpException.class))
            return new Failure(502, "a federated endpoint failed (" + rootCause(e) + ")");
        return new Failure(500, "internal error; it has been logged");
    }

    private static boolean inChain(Throwable e, Class<? extends Throwable> type) {
        return find(e, type) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return type.cast(t);
        return null;
    }

    /** The innermost cause, in one short line: what went wrong, without the whole request it happened in. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        String text = t.getClass().getSimpleName() + m;
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void send(HttpServletRequest req, HttpServletResponse res, int status, String type, String body) throws IOException {
        send(req, res, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpServletRequest req, HttpServletResponse res, int status, String type, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType(type);
        res.setContentLength(body.length);
        if (!req.getMethod().equals("HEAD")) res.getOutputStream().write(body);
    }
}
