package org.sanctionskg.rdf;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The one vocabulary of formats, shared by {@code --format} on the command line and {@code ?format=} over HTTP: a
 * short name (plus a few spelled-out aliases), the media type, what it can carry, and the Jena writer behind it.
 */
public enum Format {
    HTML("html", WebContent.contentTypeHTML, Kind.PAGE, null, null),
    /** A plain JSON document (the canned-query catalogue), as opposed to SPARQL results in JSON. */
    JSON_DOCUMENT("json", WebContent.contentTypeJSON, Kind.DOCUMENT, null, null),
    TABLE("table", WebContent.contentTypeTextPlain, Kind.TABLE, null, null),
    JSON("json", WebContent.contentTypeResultsJSON, Kind.TABLE, ResultSetLang.RS_JSON, null),
    XML("xml", WebContent.contentTypeResultsXML, Kind.TABLE, ResultSetLang.RS_XML, null),
    CSV("csv", WebContent.contentTypeTextCSV, Kind.TABLE, ResultSetLang.RS_CSV, null),
    TSV("tsv", WebContent.contentTypeTextTSV, Kind.TABLE, ResultSetLang.RS_TSV, null),
    TURTLE("ttl", WebContent.contentTypeTurtle, Kind.GRAPH, null, RDFFormat.TURTLE_PRETTY, "turtle"),
    JSONLD("jsonld", WebContent.contentTypeJSONLD, Kind.GRAPH, null, RDFFormat.JSONLD11, "json-ld"),
    NTRIPLES("nt", WebContent.contentTypeNTriples, Kind.GRAPH, null, RDFFormat.NTRIPLES, "ntriples"),
    RDFXML("rdf", WebContent.contentTypeRDFXML, Kind.GRAPH, null, RDFFormat.RDFXML_PLAIN, "rdfxml"),
    TRIG("trig", WebContent.contentTypeTriG, Kind.DATASET, null, RDFFormat.TRIG_BLOCKS),
    NQUADS("nq", WebContent.contentTypeNQuads, Kind.DATASET, null, RDFFormat.NQUADS, "nquads");

    /** What a format can carry. */
    public enum Kind { PAGE, DOCUMENT, TABLE, GRAPH, DATASET }

    private final String shortName;
    private final String mediaType;
    private final Kind kind;
    private final Lang resultLang;
    private final RDFFormat rdfFormat;
    private final List<String> aliases;

    Format(String shortName, String mediaType, Kind kind, Lang resultLang, RDFFormat rdfFormat, String... aliases) {
        this.shortName = shortName;
        this.mediaType = mediaType;
        this.kind = kind;
        this.resultLang = resultLang;
        this.rdfFormat = rdfFormat;
        this.aliases = List.of(aliases);
    }

    public String shortName() {
        return shortName;
    }

    public String mediaType() {
        return mediaType;
    }

    public Kind kind() {
        return kind;
    }

    /** The Content-Type header: text types and JSON-LD say their charset. */
    public String contentType() {
        return mediaType + (mediaType.startsWith("text/") || this == JSONLD ? "; charset=utf-8" : "");
    }

    /** The SPARQL results syntax of a table format; null otherwise. */
    public Lang resultLang() {
        return resultLang;
    }

    /** The RDF syntax of a graph or dataset format; null otherwise. */
    public RDFFormat rdfFormat() {
        return rdfFormat;
    }

    /** True when {@code name} (a short name, an alias or the media type) names this format. */
    public boolean isNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return shortName.equals(n) || aliases.contains(n) || mediaType.equals(n);
    }

    /** Every format of these kinds, in preference order. */
    public static List<Format> of(Kind... kinds) {
        List<Kind> wanted = List.of(kinds);
        return Arrays.stream(values()).filter(f -> wanted.contains(f.kind)).toList();
    }

    /** The offer that {@code name} names, if any. */
    public static Optional<Format> named(String name, List<Format> offers) {
        return offers.stream().filter(f -> f.isNamed(name)).findFirst();
    }

    /** {@code ttl (text/turtle), jsonld (application/ld+json), …}: what to tell a user who named none of them. */
    public static String describe(List<Format> offers) {
        return offers.stream().map(f -> f.shortName + " (" + f.mediaType + ")").collect(Collectors.joining(", "));
    }
}
