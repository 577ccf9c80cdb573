package org.sanctionskg.query;

import java.util.Collection;
import java.util.List;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The response schemas of the OpenAPI document: SPARQL JSON results with each SELECT's own columns, the ASK
 * boolean, JSON-LD, the catalogue and the one-line error, so that a generated client types every body.
 */
final class OpenApiSchemas {
    private static final String REF = "#/components/schemas/";

    private OpenApiSchemas() {}

    /** {@code components.schemas}: the shared schemas, and one results schema per SELECT query. */
    static JsonObject components(Collection<CannedQuery> queries) {
        JsonObject s = new JsonObject();
        s.put("Error", withDescription(type("string"), "One line: status, reason and message, as in `400 Bad Request: parameter 'party': …`."));
        s.put("Text", withDescription(type("string"), "The answer in a text syntax (SPARQL XML, CSV, TSV, Turtle, N-Triples or HTML)."));
        s.put("RdfTerm", rdfTerm());
        if (queries.stream().anyMatch(q -> q.query().isAskType())) s.put("AskResult", askResult()); // unused components are a lint warning
        if (queries.stream().anyMatch(CannedQuery::returnsGraph)) {
            s.put("JsonValue", jsonValue());
            s.put("JsonLdDocument", withDescription(objectOf(ref("JsonValue")), "A JSON-LD 1.1 document (compacted)."));
        }
        s.put("CatalogueEntry", catalogueEntry());
        s.put("Catalogue", arrayOf(ref("CatalogueEntry")));
        for (CannedQuery q : queries) if (q.query().isSelectType()) s.put(resultsName(q), selectResults(q.query().getResultVars()));
        return s;
    }

    /** The schema of {@code q}'s answer in {@code format}. */
    static JsonObject answer(CannedQuery q, ResultFormat format) {
        return switch (format) {
            case JSON -> ref(q.query().isAskType() ? "AskResult" : resultsName(q));
            case JSONLD -> ref("JsonLdDocument");
            default -> ref("Text");
        };
    }

    static JsonObject ref(String name) {
        return OpenApi.obj("$ref", REF + name);
    }

    private static String resultsName(CannedQuery q) {
        return q.name() + "-results";
    }

    /** SPARQL 1.1 Query Results JSON (§3) with {@code vars} fixed to the query's projection. */
    private static JsonObject selectResults(List<String> vars) {
        JsonArray names = new JsonArray();
        vars.forEach(names::add);
        JsonObject varNames = type("string");
        varNames.put("enum", names);
        JsonObject head = required(object(List.of("vars")), "vars");
        head.get("properties").getAsObject().put("vars", arrayOf(varNames));
        JsonObject row = object(List.of());
        vars.forEach(v -> row.get("properties").getAsObject().put(v, ref("RdfTerm")));
        JsonObject results = required(object(List.of()), "bindings");
        results.get("properties").getAsObject().put("bindings", arrayOf(withDescription(row, "A row: each bound column's RDF term.")));
        JsonObject doc = required(object(List.of()), "head", "results");
        doc.get("properties").getAsObject().put("head", head);
        doc.get("properties").getAsObject().put("results", results);
        return withDescription(doc, "SPARQL 1.1 Query Results JSON; columns " + String.join(", ", vars) + ".");
    }

    private static JsonObject rdfTerm() {
        JsonObject kind = type("string");
        JsonArray kinds = new JsonArray();
        List.of("uri", "literal", "bnode", "triple").forEach(kinds::add);
        kind.put("enum", kinds);
        JsonObject term = required(object(List.of("value", "xml:lang", "datatype")), "type", "value");
        term.get("properties").getAsObject().put("type", kind);
        return withDescription(term, "An RDF term as SPARQL JSON results write it.");
    }

    private static JsonObject askResult() {
        JsonObject ask = required(object(List.of()), "head", "boolean");
        ask.get("properties").getAsObject().put("head", type("object"));
        ask.get("properties").getAsObject().put("boolean", type("boolean"));
        return withDescription(ask, "SPARQL 1.1 Query Results JSON of an ASK query.");
    }

    /** Any JSON value, recursively: JSON-LD's shape varies with the data, but never beyond JSON. */
    private static JsonObject jsonValue() {
        JsonArray any = new JsonArray();
        List.of("string", "number", "boolean", "null").forEach(t -> any.add(type(t)));
        any.add(arrayOf(ref("JsonValue")));
        any.add(objectOf(ref("JsonValue")));
        JsonObject o = new JsonObject();
        o.put("oneOf", any);
        return o;
    }

    private static JsonObject catalogueEntry() {
        JsonObject param = required(object(List.of("name", "type")), "name", "type", "default", "required");
        JsonArray stringOrNull = new JsonArray();
        stringOrNull.add("string");
        stringOrNull.add("null");
        JsonObject dflt = new JsonObject();
        dflt.put("type", stringOrNull);
        param.get("properties").getAsObject().put("default", dflt);
        param.get("properties").getAsObject().put("required", type("boolean"));
        JsonObject entry = required(object(List.of("name", "title", "description", "url")), "name", "title", "description", "parameters", "url");
        entry.get("properties").getAsObject().put("parameters", arrayOf(param));
        return entry;
    }

    /** An object schema whose {@code stringProperties} are strings (more are added by the caller). */
    private static JsonObject object(List<String> stringProperties) {
        JsonObject o = type("object");
        JsonObject props = new JsonObject();
        stringProperties.forEach(p -> props.put(p, type("string")));
        o.put("properties", props);
        return o;
    }

    private static JsonObject required(JsonObject schema, String... names) {
        JsonArray r = new JsonArray();
        for (String n : names) r.add(n);
        schema.put("required", r);
        return schema;
    }

    private static JsonObject objectOf(JsonObject values) {
        JsonObject o = type("object");
        o.put("additionalProperties", values);
        return o;
    }

    private static JsonObject arrayOf(JsonObject items) {
        JsonObject o = type("array");
        o.put("items", items);
        return o;
    }

    private static JsonObject type(String type) {
        return OpenApi.obj("type", type);
    }

    private static JsonObject withDescription(JsonObject schema, String description) {
        schema.put("description", description);
        return schema;
    }
}
