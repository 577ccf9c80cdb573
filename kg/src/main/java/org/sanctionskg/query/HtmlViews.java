package org.sanctionskg.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.sanctionskg.web.Citation;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.Paths;

/** The browser's view of the catalogue and of answers. Every value is written through {@link Html#escape}. */
final class HtmlViews {
    private HtmlViews() {}

    static String catalogue(Collection<CannedQuery> queries, String release, String base) {
        StringBuilder body = new StringBuilder("<p>Each question below is a SPARQL query you can run with a GET; "
                + "answers come as an HTML table, SPARQL JSON/XML, CSV or TSV (graphs as Turtle, JSON-LD or N-Triples). "
                + "Machine-readable: <a href=\"/queries/openapi.json\">OpenAPI</a>, "
                + "<a href=\"/.well-known/sparql-examples\">SPARQL examples</a>.</p>\n<table><tr><th>query</th><th>question</th><th>parameters</th></tr>\n");
        for (CannedQuery q : queries) {
            body.append("<tr><td><a href=\"").append(Html.escape(link(q))).append("\">").append(Html.escape(q.name()))
                    .append("</a></td><td>").append(Html.escape(q.header().summary())).append("</td><td>");
            for (Param p : q.header().params())
                body.append("<code>").append(Html.escape(p.name())).append("</code> (").append(Html.escape(p.type().headerName()))
                        .append(p.required() ? ", required" : "").append(") ");
            body.append("</td></tr>\n");
        }
        return Html.page("Canned queries", body.append("</table>") + Citation.block("Canned queries", release, new Paths(base).iri(Paths.QUERIES)));
    }

    /** A query's own URL, with its example parameters when it has some. */
    static String link(CannedQuery q) {
        String example = q.header().example();
        return "/queries/" + q.name() + (example == null || example.equals("?") ? "" : example);
    }

    static String table(CannedQuery q, Binding given, RowSet rows, String base, String release) {
        List<Var> vars = rows.getResultVars();
        StringBuilder t = new StringBuilder("<table><tr>");
        vars.forEach(v -> t.append("<th>").append(Html.escape(v.getVarName())).append("</th>"));
        t.append("</tr>\n");
        int n = 0;
        PrefixMapping pm = display(q, base);
        while (rows.hasNext()) {
            Binding row = rows.next();
            n++;
            t.append("<tr>");
            vars.forEach(v -> t.append("<td>").append(cell(row.get(v), pm)).append("</td>"));
            t.append("</tr>\n");
        }
        t.append("</table>\n<p>").append(n).append(n == 1 ? " row" : " rows").append("</p>");
        return page(q, given, t.toString(), ResultFormat.offers(false), base, release);
    }

    static String ask(CannedQuery q, Binding given, boolean answer, String base, String release) {
        return page(q, given, "<p><strong>" + (answer ? "yes" : "no") + "</strong></p>", ResultFormat.offers(false), base, release);
    }

    static String graph(CannedQuery q, Binding given, Graph graph, String base, String release) {
        StringBuilder t = new StringBuilder("<table><tr><th>subject</th><th>predicate</th><th>object</th></tr>\n");
        PrefixMapping pm = display(q, base);
        graph.find().forEachRemaining(tr -> t.append("<tr><td>").append(cell(tr.getSubject(), pm)).append("</td><td>")
                .append(cell(tr.getPredicate(), pm)).append("</td><td>").append(cell(tr.getObject(), pm)).append("</td></tr>\n"));
        t.append("</table>\n<p>").append(graph.size()).append(" triples</p>");
        return page(q, given, t.toString(), ResultFormat.offers(true), base, release);
    }

    private static String page(CannedQuery q, Binding given, String result, List<ResultFormat> formats, String base, String release) {
        StringBuilder body = new StringBuilder();
        if (!q.header().description().isEmpty()) body.append("<p>").append(Html.escape(q.header().description())).append("</p>\n");
        body.append(form(q, given)).append(result).append("\n<p>Download:");
        for (ResultFormat f : formats)
            if (!f.isHtml()) body.append(" <a href=\"").append(Html.escape(url(q, given, f))).append("\">")
                    .append(Html.escape(f.shortName())).append("</a>");
        body.append("</p>\n<details><summary>SPARQL</summary><pre>").append(Html.escape(SparqlExamples.sparqlOnly(q.text()))).append("</pre></details>");
        return Html.page(q.header().summary(), body + Citation.block(q.header().summary(), release, new Paths(base).iri(url(q, given, null))));
    }

    private static String form(CannedQuery q, Binding given) {
        if (q.header().params().isEmpty()) return "";
        StringBuilder f = new StringBuilder("<form method=\"get\" action=\"/queries/").append(Html.escape(q.name())).append("\">");
        for (Param p : q.header().params()) {
            Node value = given.get(Var.alloc(p.name()));
            f.append("<label>").append(Html.escape(p.name())).append(" <input name=\"").append(Html.escape(p.name()))
                    .append("\" value=\"").append(Html.escape(value == null ? "" : plain(value))).append("\" placeholder=\"")
                    .append(Html.escape(p.type().expected())).append("\" title=\"").append(Html.escape(p.description()))
                    .append("\"></label> ");
        }
        return f.append("<button>Ask</button></form>\n").toString();
    }

    /** The answer's path with its parameters, and {@code ?format=} unless {@code format} is null. */
    private static String url(CannedQuery q, Binding given, ResultFormat format) {
        StringBuilder url = new StringBuilder("/queries/").append(q.name());
        if (format != null) url.append("?format=").append(format.shortName());
        given.vars().forEachRemaining(v -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(enc(v.getVarName())).append('=').append(enc(plain(given.get(v)))));
        return url.toString();
    }

    /** A term as a user would type it back into the form. */
    private static String plain(Node n) {
        if (n.isURI()) return n.getURI();
        if (n.isLiteral() && !n.getLiteralLanguage().isEmpty()) return n.getLiteralLexicalForm() + "@" + n.getLiteralLanguage();
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    /** Prefixes for showing IRIs: the query's own, and {@code id:} for the graph's entities under {@code base}. */
    private static PrefixMapping display(CannedQuery q, String base) {
        PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(q.query().getPrefixMapping());
        if (pm.getNsPrefixURI("id") == null) pm.setNsPrefix("id", base + "id/");
        return pm;
    }

    private static String cell(Node n, PrefixMapping pm) {
        if (n == null) return "";
        if (n.isURI()) {
            String shown = Html.escape(pm.shortForm(n.getURI()));
            boolean web = n.getURI().startsWith("http://") || n.getURI().startsWith("https://");
            return web ? "<a href=\"" + Html.escape(n.getURI()) + "\">" + shown + "</a>" : shown;
        }
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            return Html.escape(n.getLiteralLexicalForm()) + (lang.isEmpty() ? "" : " <small>@" + Html.escape(lang) + "</small>");
        }
        return Html.escape(n.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
