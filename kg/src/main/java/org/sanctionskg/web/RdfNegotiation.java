package org.sanctionskg.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.WebContent;

/**
 * Explicit content negotiation: a fixed list of offers, a default, {@code ?format=} override. The RDF offers are
 * always there; a page that also has an HTML view passes {@link #HTML} as an extra offer, first, which makes it the
 * default for browsers and for clients that accept anything.
 */
public final class RdfNegotiation {
    /** The extra offer of pages with a view for people. */
    public static final String HTML = "text/html";
    /** RDF offers in order of preference; the first is the default when no extra offer is made. */
    public static final Map<String, RDFFormat> OFFERS = offers();
    /** {@code ?format=} short names, in the order pages list them. */
    private static final Map<String, String> FORMAT_NAMES = formatNames();

    private RdfNegotiation() {}

    private static Map<String, RDFFormat> offers() {
        Map<String, RDFFormat> m = new LinkedHashMap<>();
        m.put(WebContent.contentTypeTurtle, RDFFormat.TURTLE_PRETTY);
        m.put(WebContent.contentTypeJSONLD, RDFFormat.JSONLD11);
        m.put(WebContent.contentTypeNTriples, RDFFormat.NTRIPLES);
        m.put(WebContent.contentTypeRDFXML, RDFFormat.RDFXML_PLAIN);
        return m;
    }

    private static Map<String, String> formatNames() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("html", HTML);
        m.put("ttl", WebContent.contentTypeTurtle);
        m.put("jsonld", WebContent.contentTypeJSONLD);
        m.put("nt", WebContent.contentTypeNTriples);
        m.put("rdf", WebContent.contentTypeRDFXML);
        m.put("turtle", WebContent.contentTypeTurtle);
        m.put("json-ld", WebContent.contentTypeJSONLD);
        m.put("ntriples", WebContent.contentTypeNTriples);
        m.put("xml", WebContent.contentTypeRDFXML);
        return m;
    }

    /** Every type on offer for a page with these extra offers, in preference order. */
    public static List<String> allOffers(List<String> extraOffers) {
        List<String> all = new ArrayList<>(extraOffers);
        all.addAll(OFFERS.keySet());
        return all;
    }

    /** The media type to send: {@code ?format=} first, then {@code Accept}; empty when nothing offered fits. */
    public static Optional<String> choose(HttpServletRequest req, List<String> extraOffers) {
        List<String> all = allOffers(extraOffers);
        String format = req.getParameter("format");
        if (format != null) {
            String type = FORMAT_NAMES.getOrDefault(format.toLowerCase(java.util.Locale.ROOT), format);
            return all.contains(type) ? Optional.of(type) : Optional.empty();
        }
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return Optional.of(all.get(0));
        MediaType m = AcceptList.match(new AcceptList(accept), AcceptList.create(all.toArray(String[]::new)));
        return Optional.ofNullable(m).map(MediaType::getContentTypeStr);
    }

    /** The short {@code ?format=} name of an offered type ({@code ttl}, {@code jsonld}, …). */
    public static String formatName(String type) {
        return FORMAT_NAMES.entrySet().stream().filter(e -> e.getValue().equals(type)).findFirst()
                .map(Map.Entry::getKey).orElseThrow(() -> new IllegalArgumentException("not offered: " + type));
    }

    /** Links to every RDF variant of the page at {@code path} ({@code ?format=}), for HTML pages. */
    public static String variantLinks(String path) {
        Map<String, String> names = Map.of(WebContent.contentTypeTurtle, "Turtle", WebContent.contentTypeJSONLD, "JSON-LD",
                WebContent.contentTypeNTriples, "N-Triples", WebContent.contentTypeRDFXML, "RDF/XML");
        return OFFERS.keySet().stream().map(t -> "<a href=\"" + Html.escape(path) + "?format=" + formatName(t) + "\">" + names.get(t) + "</a>")
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    /** Writes {@code graph} in the negotiated syntax, or a 406 that lists the offers. */
    public static void write(HttpServletRequest req, HttpServletResponse res, Graph graph) throws IOException {
        res.setHeader("Vary", "Accept");
        Optional<String> type = choose(req, List.of());
        if (type.isEmpty()) {
            notAcceptable(res, List.copyOf(OFFERS.keySet()));
            return;
        }
        byte[] body = serialize(graph, type.get(), null, null);
        res.setContentType(type.get() + "; charset=utf-8");
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) res.getOutputStream().write(body);
    }

    /**
     * {@code graph} in an offered RDF syntax; JSON-LD is compacted with {@code context} when one is given, with
     * {@code focus} (the resource the document is about) first.
     */
    public static byte[] serialize(Graph graph, String type, JsonLdContext context, Node focus) {
        if (context != null && type.equals(WebContent.contentTypeJSONLD)) return context.compact(graph, focus);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, graph, OFFERS.get(type));
        return body.toByteArray();
    }

    /** A 406 naming what is on offer. */
    public static void notAcceptable(HttpServletResponse res, List<String> offers) throws IOException {
        res.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
        res.setContentType("text/plain; charset=utf-8");
        res.getWriter().println("406 Not Acceptable: available types are " + String.join(", ", offers));
    }
}
