package org.sanctionskg.linkeddata;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.web.Html;

/**
 * How pages name and link things: by label ({@code rdfs:label}, then {@code skos:prefLabel}; English or untagged
 * first), else by prefixed name, else by IRI. IRIs in the public namespace link to this server's paths; other
 * http(s) IRIs link out; anything else (a {@code javascript:} IRI in the data, say) is never a link.
 */
public final class Labels {
    private static final List<Node> LABEL_PROPERTIES = List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode());
    private final Graph graph;
    private final PrefixMapping prefixes;
    private final String base;

    /** {@code graph} is where labels are looked up: the store's union graph inside a read transaction, or a description. */
    public Labels(Graph graph, String base) {
        this.graph = graph;
        this.prefixes = Namespaces.prefixMapping(base);
        this.base = base;
    }

    /** A readable name for {@code node}; literals give their lexical form. */
    public String of(Node node) {
        if (node.isLiteral()) return node.getLiteralLexicalForm();
        if (node.isBlank()) return "(anonymous)";
        for (Node p : LABEL_PROPERTIES) {
            Node best = graph.find(node, p, Node.ANY).toList().stream().map(t -> t.getObject()).filter(Node::isLiteral)
                    .min(Comparator.comparingInt(Labels::languageRank).thenComparing(Node::getLiteralLexicalForm)).orElse(null);
            if (best != null) return best.getLiteralLexicalForm();
        }
        return curie(node);
    }

    /** {@code prefix:local} when a prefix fits, else the IRI. */
    public String curie(Node node) {
        if (!node.isURI()) return of(node);
        String short_ = prefixes.qnameFor(node.getURI());
        return short_ != null ? short_ : node.getURI();
    }

    /** Where a link to {@code node} goes: a local path for the public namespace, the IRI for other web IRIs, else null. */
    public String href(Node node) {
        if (!node.isURI()) return null;
        String iri = node.getURI();
        if (iri.startsWith(base)) return "/" + iri.substring(base.length());
        return iri.startsWith("http://") || iri.startsWith("https://") ? iri : null;
    }

    /** An escaped link to {@code node} labelled by its label, with its IRI as tooltip; plain escaped text if not linkable. */
    public String link(Node node) {
        String href = href(node);
        String text = Html.escape(of(node));
        if (href == null) return text;
        return "<a href=\"" + Html.escape(href) + "\" title=\"" + Html.escape(node.getURI()) + "\">" + text + "</a>";
    }

    /** A literal's text with its language or datatype, all escaped. */
    public String literal(Node literal) {
        String text = Html.escape(literal.getLiteralLexicalForm());
        String lang = literal.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) return text + " <small>@" + Html.escape(lang) + "</small>";
        String type = literal.getLiteralDatatypeURI();
        if (type == null || type.endsWith("#string") || type.endsWith("#langString")) return text;
        return text + " <small>" + Html.escape(curie(org.apache.jena.graph.NodeFactory.createURI(type))) + "</small>";
    }

    /** Any node as HTML: a link, a literal, or an anonymous node. */
    public String value(Node node) {
        return node.isLiteral() ? literal(node) : link(node);
    }

    /** Orders nodes by their label, then by their IRI or lexical form. */
    public Comparator<Node> byLabel() {
        return Comparator.comparing((Node n) -> of(n).toLowerCase(java.util.Locale.ROOT)).thenComparing((Node n) -> n.toString());
    }

    private static int languageRank(Node literal) {
        String lang = literal.getLiteralLanguage();
        if (lang.equalsIgnoreCase("en")) return 0;
        return lang.isEmpty() ? 1 : 2;
    }
}
