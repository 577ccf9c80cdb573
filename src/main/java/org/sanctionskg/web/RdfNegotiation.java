package org.sanctionskg.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.WebContent;

/** Explicit content negotiation for RDF documents: a fixed list of offers, a default, {@code ?format=} override. */
public final class RdfNegotiation {
    /** Offers in order of preference; the first is the default for clients that accept anything. */
    public static final Map<String, RDFFormat> OFFERS = offers();
    private static final AcceptList OFFER_LIST = AcceptList.create(OFFERS.keySet().toArray(String[]::new));
    private static final Map<String, String> FORMAT_NAMES = Map.of(
            "ttl", WebContent.contentTypeTurtle, "turtle", WebContent.contentTypeTurtle,
            "jsonld", WebContent.contentTypeJSONLD, "json-ld", WebContent.contentTypeJSONLD,
            "nt", WebContent.contentTypeNTriples, "ntriples", WebContent.contentTypeNTriples,
            "rdf", WebContent.contentTypeRDFXML, "xml", WebContent.contentTypeRDFXML);

    private RdfNegotiation() {}

    private static Map<String, RDFFormat> offers() {
        Map<String, RDFFormat> m = new LinkedHashMap<>();
        m.put(WebContent.contentTypeTurtle, RDFFormat.TURTLE_PRETTY);
        m.put(WebContent.contentTypeJSONLD, RDFFormat.JSONLD11);
        m.put(WebContent.contentTypeNTriples, RDFFormat.NTRIPLES);
        m.put(WebContent.contentTypeRDFXML, RDFFormat.RDFXML_PLAIN);
        return m;
    }

    /** The media type to send: {@code ?format=} first, then {@code Accept}; empty when nothing offered fits. */
    public static Optional<String> choose(HttpServletRequest req, List<String> extraOffers) {
        String format = req.getParameter("format");
        if (format != null) {
            String named = FORMAT_NAMES.get(format.toLowerCase());
            if (named != null) return Optional.of(named);
            return extraOffers.contains(format) || OFFERS.containsKey(format) ? Optional.of(format) : Optional.empty();
        }
        String accept = req.getHeader("Accept");
        if (accept == null || accept.isBlank()) return Optional.of(extraOffers.isEmpty() ? WebContent.contentTypeTurtle : extraOffers.get(0));
        List<String> all = new java.util.ArrayList<>(extraOffers);
        all.addAll(OFFERS.keySet());
        MediaType m = AcceptList.match(new AcceptList(accept), AcceptList.create(all.toArray(String[]::new)));
        return Optional.ofNullable(m).map(MediaType::getContentTypeStr);
    }

    /** Writes {@code graph} in the negotiated syntax, or a 406 that lists the offers. */
    public static void write(HttpServletRequest req, HttpServletResponse res, Graph graph) throws IOException {
        res.setHeader("Vary", "Accept");
        Optional<String> type = choose(req, List.of());
        if (type.isEmpty()) {
            notAcceptable(res, List.copyOf(OFFERS.keySet()));
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, graph, OFFERS.get(type.get()));
        res.setContentType(type.get() + "; charset=utf-8");
        res.setContentLength(body.size());
        if (!"HEAD".equals(req.getMethod())) body.writeTo(res.getOutputStream());
    }

    /** A 406 naming what is on offer. */
    public static void notAcceptable(HttpServletResponse res, List<String> offers) throws IOException {
        res.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
        res.setContentType("text/plain; charset=utf-8");
        res.getWriter().println("406 Not Acceptable: available types are " + String.join(", ", offers));
    }

    static Lang lang(String contentType) {
        return OFFERS.get(contentType).getLang();
    }
}
