package org.sanctionskg.site;

import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.VOID;
import org.sanctionskg.linkeddata.DatasetDescription;
import org.sanctionskg.linkeddata.Labels;
import org.sanctionskg.linkeddata.VoidDocument;
import org.sanctionskg.web.Citation;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.Paths;

/** {@code /}: what the dataset is, its counts, where to go next, and the two pictures drawn from the data. */
final class HomePage {
    private HomePage() {}

    static String render(Optional<VoidDocument> description, SiteQueries queries, Labels labels, String release, String base) {
        List<SiteQueries.Dated> timeline = queries.timeline();
        List<SiteQueries.Edge> sanctions = queries.sanctions();
        long pairs = sanctions.stream().map(e -> List.of(e.imposer(), e.target())).distinct().count();
        StringBuilder body = new StringBuilder("<p>").append(Html.escape(DatasetDescription.DESCRIPTION)).append("</p>\n");
        body.append(counts(description, timeline.size(), pairs));
        body.append("""
                <h2>Explore</h2>
                <ul>
                <li><a href="/ui">Query editor</a> — SPARQL against <a href="/sparql">/sparql</a>, with the canned queries as examples</li>
                <li><a href="/queries">Canned queries</a> — the competency questions as a documented Web API</li>
                <li><a href="/ontology">Ontology</a> — every class and property, with its definition and alignments</li>
                <li><a href="/.well-known/void">Dataset description</a> — VoID and DCAT, counted when the store was loaded</li>
                <li><a href="/download/">Downloads</a> — Turtle, N-Quads and JSON-LD dumps with SHA-256 checksums</li>
                </ul>
                """);
        description.ifPresent(d -> {
            List<Node> examples = d.graph().find(d.dataset(), VOID.exampleResource.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
            if (!examples.isEmpty()) body.append(examples.stream().sorted(labels.byLabel()).map(labels::link)
                    .collect(java.util.stream.Collectors.joining(", ", "<p>Start with: ", ".</p>\n")));
        });
        body.append("<h2>Timeline</h2>\n<figure>\n").append(TimelineSvg.render(timeline, queries.order(), labels))
                .append("<figcaption>Every dated event in the graph, from the earliest to the latest; each links to its page. Within a day, "
                        + "the numbers are the order the graph states (<code>skg:after</code>, <code>skg:before</code>, <code>skg:timeOfDay</code>): "
                        + "equal numbers are ties; a hollow dot, an event the graph does not place within its day. Hover for details.</figcaption>\n</figure>\n");
        body.append("<h2>Who sanctioned whom</h2>\n<figure>\n").append(SanctionsMatrixSvg.render(sanctions, queries.shortNames(), labels))
                .append("<figcaption>One column per imposing party, in its own colour; one row per target; each mark is one measure, "
                        + "with its date, linked to its page. Hover a mark, a party or a target for details.</figcaption>\n</figure>\n");
        return Html.page(DatasetDescription.TITLE, body + Citation.block(DatasetDescription.TITLE, release, new Paths(base).iri(Paths.HOME)));
    }

    private static String counts(Optional<VoidDocument> description, long events, long pairs) {
        StringBuilder html = new StringBuilder("<table class=\"counts\">\n");
        description.ifPresentOrElse(d -> {
            row(html, "triples", d.count(VOID.triples));
            row(html, "entities", d.count(VOID.entities));
            row(html, "classes in use", d.count(VOID.classes));
            row(html, "links to Wikidata", d.wikidataLinks());
        }, () -> html.append("<tr><td colspan=\"2\">The dataset description is missing from this store: run <code>load</code> again.</td></tr>\n"));
        row(html, "dated events", events);
        row(html, "imposer–target pairs", pairs);
        return html.append("</table>\n").toString();
    }

    private static void row(StringBuilder html, String what, long n) {
        html.append("<tr><th>").append(what).append("</th><td>").append(String.format("%,d", n)).append("</td></tr>\n");
    }
}
