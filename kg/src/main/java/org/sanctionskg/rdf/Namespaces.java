package org.sanctionskg.rdf;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * The prefixes every published document uses (Turtle dumps, pages, the JSON-LD context), and the few terms the
 * linked-data code needs that Jena's vocabulary classes lack. The project's own namespaces hang off the base.
 */
public final class Namespaces {
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SPDX = "http://spdx.org/rdf/terms#";
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";
    /** {@code prov:wasDerivedFrom}: how a fact points at the excerpts that support it (or a subproperty of it). */
    public static final Node WAS_DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");

    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
            Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
            Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("prov", PROV),
            Map.entry("oa", "http://www.w3.org/ns/oa#"),
            Map.entry("schema", "https://schema.org/"),
            Map.entry("foaf", "http://xmlns.com/foaf/0.1/"),
            Map.entry("org", "http://www.w3.org/ns/org#"),
            Map.entry("vann", "http://purl.org/vocab/vann/"),
            Map.entry("sh", "http://www.w3.org/ns/shacl#"),
            Map.entry("spdx", SPDX),
            Map.entry("void", "http://rdfs.org/ns/void#"),
            Map.entry("dcat", "http://www.w3.org/ns/dcat#"),
            Map.entry("wd", WIKIDATA_ENTITY),
            Map.entry("wdt", "http://www.wikidata.org/prop/direct/"));

    private Namespaces() {}

    /** The ontology namespace under {@code base}. */
    public static String ontology(String base) {
        return base + "ontology#";
    }

    /** The ontology's own IRI (its document) under {@code base}. */
    public static String ontologyIri(String base) {
        return base + "ontology";
    }

    /** Every prefix: the fixed ones plus {@code skg:} (ontology) and {@code id:} (entities) under {@code base}. */
    public static Map<String, String> prefixes(String base) {
        Map<String, String> all = new java.util.TreeMap<>(FIXED);
        all.put("skg", ontology(base));
        all.put("id", base + "id/");
        return all;
    }

    public static PrefixMapping prefixMapping(String base) {
        return PrefixMapping.Factory.create().setNsPrefixes(prefixes(base)).lock();
    }
}
