package org.sanctionskg.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;

/** The OpenAPI 3.1 description of the canned queries, one GET operation each, generated from their headers. */
final class OpenApi {
    private OpenApi() {}

    /** The document as JSON text; built once at start-up. */
    static String document(Collection<CannedQuery> queries) {
        JsonObject doc = new JsonObject();
        doc.put("openapi", "3.1.0");
        JsonObject info = obj("title", "sanctions-kg canned queries");
        info.put("version", "0.1.0");
        info.put("summary", "Competency questions over the Xinjiang sanctions knowledge graph, as typed GET operations.");
        info.put("description", "Public and read-only: no operation needs credentials, hence `security: []`.");
        JsonObject license = obj("name", "CC BY 4.0 (the answers: ontology, data and queries)");
        license.put("identifier", "CC-BY-4.0");
        info.put("license", license);
        doc.put("info", info);
        doc.put("security", new JsonArray()); // explicitly none: the API is public and read-only
        JsonArray servers = new JsonArray();
        servers.add(obj("url", "/"));
        doc.put("servers", servers);
        JsonObject paths = new JsonObject();
        paths.put("/queries", obj("get", get("listQueries", "The catalogue of canned queries", List.of(), catalogueResponses())));
        for (CannedQuery q : queries) paths.put("/queries/" + q.name(), obj("get", operation(q)));
        doc.put("paths", paths);
        doc.put("components", obj("schemas", OpenApiSchemas.components(queries)));
        return JSON.toString(doc);
    }

    private static JsonObject operation(CannedQuery q) {
        JsonArray params = new JsonArray();
        Map<String, String> example = Header.exampleValues(q.header().example());
        for (Param p : q.header().params()) params.add(parameter(p, example.get(p.name())));
        JsonObject format = obj("name", "format");
        format.put("in", "query");
        format.put("required", false);
        format.put("description", "Overrides Accept: the short name or media type of the answer's format.");
        JsonObject schema = obj("type", "string");
        JsonArray names = new JsonArray();
        ResultFormat.offers(q.returnsGraph()).forEach(f -> names.add(f.shortName()));
        schema.put("enum", names);
        format.put("schema", schema);
        params.add(format);
        JsonObject op = get(q.name(), q.header().summary(), q.header().tags(), answerResponses(q));
        if (!q.header().description().isEmpty()) op.put("description", q.header().description());
        op.put("parameters", params);
        return op;
    }

    private static JsonObject parameter(Param p, String example) {
        JsonObject o = obj("name", p.name());
        o.put("in", "query");
        o.put("required", p.required());
        o.put("description", (p.description().isEmpty() ? "" : p.description() + " ") + "Type " + p.type().headerName()
                + ": " + p.type().expected() + "." + (p.required() || p.defaultText() != null ? "" : " Leave out to leave ?" + p.name() + " unbound."));
        JsonObject schema = obj("type", p.type().jsonType());
        if (p.type().jsonFormat() != null) schema.put("format", p.type().jsonFormat());
        if (p.defaultText() != null) schema.put("default", value(p, p.defaultText()));
        if (!p.allowed().isEmpty()) {
            JsonArray allowed = new JsonArray();
            p.allowed().forEach(a -> allowed.add(value(p, a)));
            schema.put("enum", allowed);
        }
        o.put("schema", schema);
        if (example != null) o.put("example", value(p, example));
        return o;
    }

    private static JsonValue value(Param p, String text) {
        return p.type() == ParamType.INTEGER ? JsonNumber.value(Long.parseLong(text.replace("+", ""))) : new JsonString(text);
    }

    private static JsonObject answerResponses(CannedQuery q) {
        JsonObject content = new JsonObject();
        ResultFormat.offers(q.returnsGraph()).forEach(f -> content.put(f.mediaType(), obj("schema", OpenApiSchemas.answer(q, f))));
        JsonObject r = new JsonObject();
        r.put("200", response("The answer (" + q.form() + ").", content));
        r.put("304", obj("description", "Not modified: the If-None-Match ETag is current."));
        r.put("400", textResponse("A parameter is unknown, missing or ill-typed; the message names it."));
        r.put("406", textResponse("No offered format matches Accept or ?format=; the message lists them."));
        if (q.federated()) {
            r.put("502", textResponse("The federated SPARQL endpoint could not be reached or failed."));
            r.put("504", textResponse("The federated SPARQL endpoint did not answer within the time limit."));
        } else r.put("503", textResponse("The query exceeded the server's time limit."));
        return r;
    }

    private static JsonObject catalogueResponses() {
        JsonObject content = new JsonObject();
        content.put("application/json", obj("schema", OpenApiSchemas.ref("Catalogue")));
        content.put("text/html", obj("schema", OpenApiSchemas.ref("Text")));
        JsonObject r = new JsonObject();
        r.put("200", response("Name, title, description, parameters and URL of every canned query.", content));
        r.put("406", textResponse("Neither JSON nor HTML matches Accept; the message lists them."));
        return r;
    }

    private static JsonObject get(String id, String summary, List<String> tags, JsonObject responses) {
        JsonObject op = obj("operationId", id);
        op.put("summary", summary);
        if (!tags.isEmpty()) {
            JsonArray t = new JsonArray();
            tags.forEach(t::add);
            op.put("tags", t);
        }
        op.put("responses", responses);
        return op;
    }

    private static JsonObject response(String description, JsonObject content) {
        JsonObject o = obj("description", description);
        o.put("content", content);
        return o;
    }

    private static JsonObject textResponse(String description) {
        JsonObject content = new JsonObject();
        content.put("text/plain", obj("schema", OpenApiSchemas.ref("Error")));
        return response(description, content);
    }

    /** A JSON object of one member (the rest are added by the caller). */
    static JsonObject obj(String key, String value) {
        return obj(key, new JsonString(value));
    }

    static JsonObject obj(String key, JsonValue value) {
        JsonObject o = new JsonObject();
        o.put(key, value);
        return o;
    }
}
