package org.sanctionskg.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.sanctionskg.endpoint.QueryWatchdog;
import org.sanctionskg.web.ConditionalGet;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;

/**
 * The canned-query feature of the site: {@code /queries} (catalogue), {@code /queries/openapi.json},
 * {@code /queries/{name}} and {@code /.well-known/sparql-examples}. Everything that does not depend on a request
 * (parsed queries, catalogue pages, OpenAPI document) is built here, once, and a broken query stops start-up.
 */
public final class QueryApi {

    private final Catalogue catalogue;
    private final Answers answers;
    private final String catalogueJson;
    private final String catalogueHtml;
    private final String openApi;
    private final Paths paths;

    private QueryApi(Catalogue catalogue, Answers answers, Paths paths, String release) {
        this.paths = paths;
        this.catalogue = catalogue;
        this.answers = answers;
        this.catalogueJson = catalogueJson(catalogue);
        this.catalogueHtml = HtmlViews.catalogue(catalogue.all(), release, paths.base());
        this.openApi = OpenApi.document(catalogue.all());
    }

    /** The API over an already checked catalogue (see {@link Catalogue#load}). */
    public static QueryApi create(Catalogue catalogue, DatasetGraph dataset, String storeVersion, Duration timeout, Paths paths,
                                  QueryWatchdog watchdog) {
        return new QueryApi(catalogue, new Answers(dataset, storeVersion, timeout, paths.base(), watchdog), paths, storeVersion);
    }

    /** {@code /queries/*}: the catalogue, the OpenAPI document and the answers. */
    public ReadOnlyServlet queries() {
        return new QueryServlet(this);
    }

    /** {@code /.well-known/sparql-examples}. */
    public ReadOnlyServlet examples() {
        return new ExamplesServlet();
    }

    /** The catalogue as sparql-examples, every IRI under {@code base}: what the examples servlet serves and the store's examples graph holds. */
    public static Graph examples(Catalogue catalogue, String base) {
        return SparqlExamples.graph(catalogue.all(), base, Paths.SPARQL);
    }

    Catalogue catalogue() {
        return catalogue;
    }

    Answers answers() {
        return answers;
    }

    String catalogueJson() {
        return catalogueJson;
    }

    String catalogueHtml() {
        return catalogueHtml;
    }

    String openApi() {
        return openApi;
    }

    private static String catalogueJson(Catalogue catalogue) {
        JsonArray list = new JsonArray();
        for (CannedQuery q : catalogue.all()) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("title", q.header().summary());
            o.put("description", q.header().description());
            JsonArray params = new JsonArray();
            for (Param p : q.header().params()) {
                JsonObject j = new JsonObject();
                j.put("name", p.name());
                j.put("type", p.type().headerName());
                j.put("default", p.defaultText() == null ? JsonNull.instance : new JsonString(p.defaultText()));
                j.put("required", p.required());
                params.add(j);
            }
            o.put("parameters", params);
            o.put("url", HtmlViews.link(q));
            list.add(o);
        }
        return JSON.toString(list);
    }

    /** {@code /.well-known/sparql-examples}: the queries as RDF, every IRI built from the configured base (never the request's Host). */
    private final class ExamplesServlet extends ReadOnlyServlet {
        @Override
        protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setHeader("Cache-Control", ConditionalGet.CACHE_CONTROL);
            RdfNegotiation.write(req, res, examples(catalogue, paths.base()));
        }
    }
}
