package org.sanctionskg.release;

import java.util.List;
import java.util.Map;
import org.sanctionskg.web.Citation;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.RdfNegotiation;

/** The HTML of {@code /releases} and {@code /releases/{id}}; every value is written through {@link Html#escape}. */
final class ReleasePages {
    private ReleasePages() {}

    static String list(List<Release> releases, Paths paths) {
        StringBuilder body = new StringBuilder("<p>Every load is a release. The live one and the ones before it that are kept stay "
                + "downloadable here; only the newest keep their database for queries. Also as "
                + RdfNegotiation.variantLinks(Paths.RELEASES) + " (DCAT) or <a href=\"" + Paths.RELEASES + "?format=json\">JSON</a>.</p>\n")
                .append("<table class=\"releases\">\n<tr><th>release</th><th>issued</th><th>ontology</th><th>triples</th><th>changes</th><th>queryable</th><th>previous</th></tr>\n");
        for (Release r : releases) {
            body.append("<tr><td>").append(link(r.id())).append("</td><td>").append(Html.escape(r.issued().toString()))
                    .append("</td><td>").append(Html.escape(r.ontologyVersion())).append("</td><td>").append(String.format("%,d", r.triples()))
                    .append("</td><td>").append(r.changelog().map(c -> "+" + c.added() + " / −" + c.removed()).orElse("—"))
                    .append("</td><td>").append(r.queryable() ? "yes" : "no (dumps only)")
                    .append("</td><td>").append(r.previous().map(ReleasePages::link).orElse("—")).append("</td></tr>\n");
        }
        body.append("</table>\n");
        String live = releases.isEmpty() ? "" : releases.get(0).id();
        return Html.page("Releases", body + Citation.block("Releases", live, paths.iri(Paths.RELEASES)));
    }

    static String one(Release r, Paths paths) {
        StringBuilder body = new StringBuilder("<table>\n");
        row(body, "release", "<code>" + Html.escape(r.id()) + "</code>");
        row(body, "issued", Html.escape(r.issued().toString()));
        row(body, "ontology version", Html.escape(r.ontologyVersion()));
        row(body, "triples", String.format("%,d", r.triples()));
        row(body, "content hash", "<code>" + Html.escape(r.contentHash()) + "</code>");
        row(body, "sources", "<code>" + Html.escape(r.sources()) + "</code>");
        row(body, "previous", r.previous().map(ReleasePages::link).orElse("none: the first release"));
        row(body, "queryable", r.queryable() ? "yes: its database is kept" : "no: its database was pruned, its dumps are kept");
        body.append("</table>\n<h2>Downloads</h2>\n<table>\n<tr><th>file</th><th>bytes</th><th>SHA-256</th></tr>\n");
        for (Release.Dump d : r.dumps()) {
            String href = Releases.path(r.id()) + "/download/" + d.dump().file();
            body.append("<tr><td><a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(d.dump().file()))
                    .append("</a></td><td>").append(String.format("%,d", d.bytes())).append("</td><td><code>").append(Html.escape(d.sha256()))
                    .append("</code></td></tr>\n");
        }
        body.append("</table>\n<h2>Changes since the previous release</h2>\n");
        body.append(r.changelog().map(ReleasePages::changelog).orElse(r.previous().isEmpty()
                ? "<p>None: this is the first release.</p>\n" : "<p>Not recorded: the previous release left no readable index to compare with.</p>\n"));
        String title = "Release " + r.id();
        return Html.page(title, body + Citation.block(title, r.id(), Releases.iri(paths, r.id())));
    }

    private static String changelog(Changelog c) {
        StringBuilder html = new StringBuilder("<p>").append(c.added()).append(c.added() == 1 ? " triple" : " triples").append(" added, ")
                .append(c.removed()).append(c.removed() == 1 ? " triple" : " triples").append(" removed.</p>\n");
        if (!c.graphs().isEmpty()) {
            html.append("<table class=\"graphs\">\n<tr><th>graph</th><th>added</th><th>removed</th></tr>\n");
            c.graphs().forEach((g, n) -> html.append("<tr><td><code>").append(Html.escape(g)).append("</code></td><td>").append(n[0])
                    .append("</td><td>").append(n[1]).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        for (Map.Entry<Changelog.Kind, Changelog.Entities> e : c.entities().entrySet()) {
            Changelog.Entities es = e.getValue();
            html.append("<h3>Entities ").append(e.getKey().key()).append(": ").append(es.count()).append("</h3>\n");
            if (es.sample().isEmpty()) continue;
            html.append("<ul>");
            es.sample().forEach(iri -> html.append("<li><a href=\"").append(Html.escape(iri)).append("\">").append(Html.escape(iri)).append("</a></li>"));
            html.append(es.count() > es.sample().size() ? "<li>… and " + (es.count() - es.sample().size()) + " more</li>" : "").append("</ul>\n");
        }
        return html.toString();
    }

    private static String link(String id) {
        return "<a href=\"" + Html.escape(Releases.path(id)) + "\">" + Html.escape(id) + "</a>";
    }

    private static void row(StringBuilder html, String th, String td) {
        html.append("<tr><th>").append(th).append("</th><td>").append(td).append("</td></tr>\n");
    }
}
