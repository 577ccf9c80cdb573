package org.sanctionskg.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.sanctionskg.query.AnswerCache.Answer;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.web.Causes;
import org.sanctionskg.web.ConditionalGet;
import org.sanctionskg.web.Negotiation;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;
import org.sanctionskg.web.Responses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /queries}, {@code /queries/openapi.json} and {@code /queries/{name}}; every failure becomes a status here, in {@link #failure}. */
final class QueryServlet extends ReadOnlyServlet {
    private static final Logger LOG = LoggerFactory.getLogger(QueryServlet.class);
    private static final List<Format> CATALOGUE_OFFERS = List.of(Format.JSON_DOCUMENT, Format.HTML);

    private final QueryApi api;

    QueryServlet(QueryApi api) {
        this.api = api;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        CannedQuery query = null;
        try {
            String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
            if (path.equals("/")) catalogue(req, res);
            else if (path.equals("/openapi.json")) Responses.send(res, 200, Format.JSON_DOCUMENT.mediaType(), api.openApi());
            else if (path.indexOf('/', 1) >= 0) throw new RequestException(404, "no such page under /queries");
            else {
                query = api.catalogue().get(path.substring(1));
                answer(query, req, res);
            }
        } catch (RuntimeException e) {
            Failure f = failure(e, query);
            if (f.status >= 500) LOG.warn("{} {}: {}", req.getRequestURI(), f.status, f.message, f.status == 500 ? e : null);
            Responses.error(res, f.status, f.message);
        }
    }

    private void catalogue(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        res.setHeader("Cache-Control", ConditionalGet.CACHE_CONTROL);
        Format type = Negotiation.choose(req, CATALOGUE_OFFERS).orElseThrow(() -> Negotiation.notAcceptable(CATALOGUE_OFFERS));
        if (type == Format.HTML) Responses.send(res, 200, type.contentType(), api.catalogueHtml());
        else Responses.send(res, 200, type.contentType(), api.catalogueJson());
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
        Responses.send(res, 200, chosen.contentType(), answer.body());
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
        QueryExceptionHTTP upstream = Causes.find(e, QueryExceptionHTTP.class);
        if (upstream != null && (upstream.getStatusCode() == 502 || upstream.getStatusCode() == 504))
            return new Failure(upstream.getStatusCode(), "a federated endpoint failed: " + upstream.getMessage()); // classified by ServicePolicy
        if (Causes.inChain(e, HttpTimeoutException.class))
            return new Failure(504, "a federated endpoint did not answer within the time limit; no partial answer is returned");
        if (Causes.inChain(e, ConnectException.class)) return new Failure(502, "a federated endpoint could not be reached (connection refused)");
        if (Causes.inChain(e, QueryExceptionHTTP.class) || Causes.inChain(e, HttpException.class))
            return new Failure(502, "a federated endpoint failed (" + Causes.rootCause(e) + ")");
        return new Failure(500, "internal error; it has been logged");
    }
}
