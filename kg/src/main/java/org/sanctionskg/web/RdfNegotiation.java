package org.sanctionskg.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.web.ReadOnlyServlet.Representation;

/** RDF documents of the site: the RDF offers (Turtle first), and their representations, negotiated as {@link Negotiation} says. */
public final class RdfNegotiation {
    /** RDF offers in order of preference; the first is the default when no HTML view is offered. */
    public static final List<Format> RDF = Format.of(Format.Kind.GRAPH);
    /** The offers of a page that also has a view for people: HTML first, the default for browsers. */
    public static final List<Format> PAGE_OR_RDF = withHtml();
    private static final Map<Format, String> LABELS = Map.of(Format.TURTLE, "Turtle", Format.JSONLD, "JSON-LD",
            Format.NTRIPLES, "N-Triples", Format.RDFXML, "RDF/XML");

    private RdfNegotiation() {}

    private static List<Format> withHtml() {
        List<Format> all = new ArrayList<>(List.of(Format.HTML));
        all.addAll(RDF);
        return List.copyOf(all);
    }

    /** Links to every RDF variant of the page at {@code path} ({@code ?format=}), for HTML pages. */
    public static String variantLinks(String path) {
        return RDF.stream().map(f -> "<a href=\"" + Html.escape(path) + "?format=" + f.shortName() + "\">" + LABELS.get(f) + "</a>")
                .collect(Collectors.joining(" · "));
    }

    /**
     * Sets the {@code Link} header of the document at {@code path} offered as {@code offers}: {@code rel="alternate"}
     * with its type for each variant, {@code rel="describedby"} for each RDF one, and the JSON-LD context.
     */
    public static void links(HttpServletResponse res, String path, List<Format> offers) {
        List<String> links = new ArrayList<>();
        for (Format f : offers) links.add(link(path + "?format=" + f.shortName(), "alternate", f.mediaType()));
        for (Format f : offers) if (RDF.contains(f)) links.add(link(path + "?format=" + f.shortName(), "describedby", f.mediaType()));
        links.add(link(Paths.CONTEXT, "http://www.w3.org/ns/json-ld#context", Format.JSONLD.mediaType()));
        res.setHeader("Link", String.join(", ", links));
    }

    private static String link(String target, String rel, String type) {
        return "<" + target + ">; rel=\"" + rel + "\"; type=\"" + type + "\"";
    }

    /** Writes {@code graph} in the negotiated RDF syntax (a 406 listing the offers when none fits). */
    public static void write(HttpServletRequest req, HttpServletResponse res, Graph graph) throws IOException {
        res.setHeader("Vary", "Accept");
        Format type = Negotiation.choose(req, RDF).orElseThrow(() -> Negotiation.notAcceptable(RDF));
        Responses.send(res, HttpServletResponse.SC_OK, type.contentType(), serialize(graph, type, null, null));
    }

    /** {@code graph} as an RDF representation of build {@code version}, its ETag naming the format. */
    public static Representation representation(Graph graph, Format type, JsonLdContext context, Node focus, String version) {
        return Representation.of(serialize(graph, type, context, focus), type.mediaType() + "; charset=utf-8", version + "-" + type.shortName());
    }

    /**
     * {@code graph} in an RDF syntax; JSON-LD is compacted with {@code context} when one is given, with
     * {@code focus} (the resource the document is about) first.
     */
    public static byte[] serialize(Graph graph, Format type, JsonLdContext context, Node focus) {
        if (context != null && type == Format.JSONLD) return context.compact(graph, focus);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, graph, type.rdfFormat());
        return body.toByteArray();
    }
}
