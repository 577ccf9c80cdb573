package org.sanctionskg.web;

/**
 * The site's URL layout, and how it maps onto the public namespace: the path {@code /id/x} of this server is the
 * IRI {@code <base>id/x}. Built once from the configured base; absolute IRIs never come from a request's Host.
 */
public record Paths(String base) {
    public static final String HOME = "/";
    public static final String UI = "/ui";
    public static final String SPARQL = "/sparql";
    public static final String QUERIES = "/queries";
    public static final String OPENAPI = QUERIES + "/openapi.json";
    public static final String EXAMPLES = "/.well-known/sparql-examples";
    public static final String VOID = "/.well-known/void";
    public static final String ID = "/id";
    public static final String ONTOLOGY = "/ontology";
    public static final String CONTEXT = "/context.jsonld";
    public static final String SHAPES = "/shapes";
    public static final String GRAPH = "/graph";
    public static final String DOWNLOAD = "/download";
    public static final String RELEASES = "/releases";
    public static final String HEALTH = "/health";

    public Paths {
        if (!base.endsWith("/")) throw new IllegalArgumentException("base must end with /: " + base);
    }

    /** The public IRI of a path of this server. */
    public String iri(String path) {
        return base + path.substring(1);
    }

    /** The servlet mapping of everything under a path ({@code /id} → {@code /id/*}). */
    public static String under(String path) {
        return path + "/*";
    }
}
