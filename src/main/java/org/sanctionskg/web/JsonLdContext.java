package org.sanctionskg.web;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.document.RdfDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.JenaTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A published JSON-LD context: JSON-LD output is compacted with it and names it by its URL in {@code @context},
 * so clients get short terms without the context being repeated in every document. Nothing is ever fetched:
 * the context is at hand and every other remote document is refused.
 */
public final class JsonLdContext {
    private static final DocumentLoader NO_REMOTE_DOCUMENTS = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "remote JSON-LD documents are not fetched: " + url);
    };
    private static final Map<String, Boolean> PRETTY = Map.of(JsonGenerator.PRETTY_PRINTING, true);

    private final String url;
    private final JsonObject document;

    /** {@code document} is the published file: an object with an {@code @context} member. */
    public JsonLdContext(String url, JsonObject document) {
        if (!document.containsKey("@context")) throw new IllegalArgumentException("a context document needs @context");
        this.url = url;
        this.document = document;
    }

    public String url() {
        return url;
    }

    /** The published context document as UTF-8 JSON. */
    public byte[] documentBytes() {
        return write(document);
    }

    /** {@code graph} as compacted JSON-LD whose {@code @context} is this context's URL. */
    public byte[] compact(Graph graph) {
        try {
            JsonArray expanded = JsonLd.fromRdf(RdfDocument.of(JenaTitanium.convert(DatasetGraphFactory.wrap(graph))))
                    .loader(NO_REMOTE_DOCUMENTS).get();
            JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(document))
                    .loader(NO_REMOTE_DOCUMENTS).get();
            JsonObjectBuilder named = Json.createObjectBuilder().add("@context", url);
            compacted.forEach((key, value) -> {
                if (!key.equals("@context")) named.add(key, value);
            });
            return write(named.build());
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    private static byte[] write(JsonObject json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter w = Json.createWriterFactory(PRETTY).createWriter(out)) {
            w.writeObject(json);
        }
        return out.toByteArray();
    }
}
