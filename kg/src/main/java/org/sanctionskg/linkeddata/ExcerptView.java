package org.sanctionskg.linkeddata;

import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OA;
import org.sanctionskg.web.Html;

/**
 * One excerpt as people read it: its sentence highlighted in its paragraph of the report. The excerpt is a Web
 * Annotation specific resource: {@code oa:hasSource} the report, {@code oa:hasSelector} a quote ({@code oa:exact})
 * and a position ({@code oa:start}, {@code oa:end}, code points). Without its text at hand, or when the text there is
 * not the quote, the quote is shown alone and says so.
 */
record ExcerptView(Node excerpt, Node source, String exact, long start, long end) {

    ExcerptView(Graph description, Node excerpt) {
        this(excerpt, first(description, excerpt, OA.hasSource.asNode()).orElse(null),
                selectorValue(description, excerpt, OA.exact.asNode()).map(Node::getLiteralLexicalForm).orElse(null),
                selectorValue(description, excerpt, OA.start.asNode()).map(ExcerptView::number).orElse(-1L),
                selectorValue(description, excerpt, OA.end.asNode()).map(ExcerptView::number).orElse(-1L));
    }

    String render(Labels labels, ArticleTexts texts) {
        Optional<ArticleTexts.InContext> context = source == null ? Optional.empty() : texts.inContext(source, start, end, exact);
        StringBuilder html = new StringBuilder("<figure class=\"excerpt\">\n<blockquote>");
        if (context.isPresent()) {
            ArticleTexts.InContext c = context.get();
            html.append(Html.escape(c.before())).append("<mark>").append(Html.escape(c.excerpt())).append("</mark>").append(Html.escape(c.after()));
        } else {
            html.append(Html.escape(exact == null ? "(no quote recorded)" : exact));
        }
        html.append("</blockquote>\n<figcaption>").append(labels.link(excerpt));
        if (source != null) html.append(" · in ").append(labels.link(source));
        if (start >= 0) html.append(" · code points ").append(start).append("–").append(end);
        if (context.isEmpty() && exact != null) html.append(" · <em>shown alone: its paragraph could not be found in the report text</em>");
        return html.append("</figcaption>\n</figure>\n").toString();
    }

    private static Optional<Node> first(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).nextOptional();
    }

    /** A value of one of the excerpt's selectors (the quote and the position are separate selectors). */
    private static Optional<Node> selectorValue(Graph g, Node excerpt, Node p) {
        return g.find(excerpt, OA.hasSelector.asNode(), Node.ANY).mapWith(Triple::getObject).toList().stream()
                .flatMap(sel -> first(g, sel, p).stream()).filter(Node::isLiteral).findFirst();
    }

    private static long number(Node literal) {
        try {
            return Long.parseLong(literal.getLiteralLexicalForm().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
