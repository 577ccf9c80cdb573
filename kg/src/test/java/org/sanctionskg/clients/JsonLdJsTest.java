package org.sanctionskg.clients;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jsonld.js ({@code jsonld}, pinned in {@code .ci/clients}) expands every entity document, and the ontology, dataset,
 * shapes and graph documents, with every remote document refused and in safe mode (nothing silently dropped); its
 * RDF is then the same graph as the document's Turtle. Both sides are canonicalized by rdf-canonize (RDFC-1.0) and
 * compared as text; the Turtle is read by N3.js rather than Jena, so that no Jena code reads what Jena wrote.
 */
class JsonLdJsTest {
    @Test
    void everyDocumentExpandsOfflineToTheGraphOfItsTurtle() throws Exception {
        Clients.requireNode(); // before the load: a missing client fails at once
        Servers.withServer(ProjectStore.config(), base -> {
            List<String> paths = new ArrayList<>(ProjectStore.entityPaths(base));
            assertTrue(paths.size() > 100, "the data has its entities: " + paths.size());
            paths.addAll(List.of("ontology", ".well-known/void", "shapes", "graph/entailments", "graph/ontology/sanctions-kg"));
            JsonArray results = Json.createReader(new StringReader(Clients.node("jsonld-canon.mjs", base.toString(),
                    Json.createArrayBuilder(paths).build().toString()))).readArray();
            assertEquals(paths.size(), results.size());
            List<Executable> checks = new ArrayList<>();
            for (JsonObject r : results.getValuesAs(JsonObject.class)) {
                String path = r.getString("path");
                checks.add(() -> assertNull(r.get("error"), () -> path + ": " + r.getString("error", "")));
                checks.add(() -> assertTrue(r.getBoolean("same", false), () -> path + ": jsonld.js and the Turtle differ: " + r));
                checks.add(() -> assertTrue(r.containsKey("quads") && r.getJsonArray("quads").getInt(0) > 0, () -> path + " is not empty: " + r));
            }
            assertAll(checks);
        });
    }
}
