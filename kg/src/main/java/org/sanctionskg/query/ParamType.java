package org.sanctionskg.query;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.langtag.LangTags;
import org.apache.jena.shared.PrefixMapping;

/**
 * The types a canned-query parameter can have. Each turns request text into one RDF term or refuses it: the term is
 * then bound to the query variable, so a value can never change the query's shape.
 */
public enum ParamType {
    /** An absolute http(s) or urn IRI, or a prefixed name whose prefix the query declares ({@code id:chen-quanguo}). */
    IRI("string", "iri", "an absolute http(s) IRI, or a prefixed name declared by the query"),
    /** A plain {@code xsd:string}. */
    STRING("string", null, "text"),
    /** An {@code xsd:date}, {@code YYYY-MM-DD}. */
    DATE("string", "date", "a date, YYYY-MM-DD"),
    /** An {@code xsd:integer}. */
    INTEGER("integer", null, "a whole number"),
    /** A language-tagged string, written {@code text@lang}. */
    LANGSTRING("string", null, "text@language-tag, e.g. Xinjiang@en");

    /** IRI schemes a parameter may use: web and URN identifiers, nothing that reaches files or scripts. */
    private static final java.util.Set<String> SCHEMES = java.util.Set.of("http", "https", "urn");
    /** Longest text accepted for any value: a canned query needs no essays. */
    static final int MAX_LENGTH = 1000;

    private final String jsonType;
    private final String jsonFormat;
    private final String expected;

    ParamType(String jsonType, String jsonFormat, String expected) {
        this.jsonType = jsonType;
        this.jsonFormat = jsonFormat;
        this.expected = expected;
    }

    /** The header's spelling: iri, string, date, integer, langString. */
    public String headerName() {
        return this == LANGSTRING ? "langString" : name().toLowerCase();
    }

    /** Reads a header's {@code type:} value; null when it names no type. */
    static ParamType fromHeader(String name) {
        for (ParamType t : values()) if (t.headerName().equals(name)) return t;
        return null;
    }

    /** JSON Schema {@code type} for OpenAPI. */
    public String jsonType() {
        return jsonType;
    }

    /** JSON Schema {@code format} for OpenAPI, or null. */
    public String jsonFormat() {
        return jsonFormat;
    }

    /** What a valid value looks like, for error messages and documentation. */
    public String expected() {
        return expected;
    }

    /** The RDF term for {@code text}; {@code prefixes} are the query's own. Throws {@link IllegalArgumentException}. */
    public Node parse(String text, PrefixMapping prefixes) {
        if (text.length() > MAX_LENGTH) throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        return switch (this) {
            case IRI -> iri(text, prefixes);
            case STRING -> NodeFactory.createLiteralString(text);
            case DATE -> date(text);
            case INTEGER -> integer(text);
            case LANGSTRING -> langString(text);
        };
    }

    private static Node iri(String text, PrefixMapping prefixes) {
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? "" : text.substring(0, colon);
        String expanded = prefixes.getNsPrefixURI(prefix) != null ? prefixes.expandPrefix(text) : text;
        try {
            IRIx iri = IRIx.create(expanded);
            if (iri.isAbsolute() && !iri.hasViolations() && SCHEMES.contains(iri.scheme())) return NodeFactory.createURI(iri.str());
        } catch (IRIException e) {
            // reported below, with what would have been accepted
        }
        throw new IllegalArgumentException("not an http(s) or urn IRI, nor a prefixed name with one of the query's prefixes "
                + prefixes.getNsPrefixMap().keySet().stream().sorted().map(p -> p + ":").toList());
    }

    private static Node date(String text) {
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) throw new DateTimeParseException("shape", text, 0);
            return NodeFactory.createLiteralDT(LocalDate.parse(text).toString(), XSDDatatype.XSDdate);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date YYYY-MM-DD");
        }
    }

    private static Node integer(String text) {
        if (!text.matches("[+-]?\\d{1,18}")) throw new IllegalArgumentException("not a whole number");
        return NodeFactory.createLiteralDT(new BigInteger(text).toString(), XSDDatatype.XSDinteger);
    }

    private static Node langString(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) throw new IllegalArgumentException("missing @language-tag (write text@en)");
        String lang = text.substring(at + 1);
        if (!LangTags.check(lang)) throw new IllegalArgumentException("'" + lang + "' is not a language tag");
        return NodeFactory.createLiteralLang(text.substring(0, at), lang);
    }
}
