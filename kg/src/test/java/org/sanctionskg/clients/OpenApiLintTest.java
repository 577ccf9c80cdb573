package org.sanctionskg.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

/**
 * The served {@code /queries/openapi.json}, linted by Redocly CLI (recommended rules, the exceptions in
 * {@code .ci/openapi/.redocly.yaml}) and turned into TypeScript by openapi-typescript, both pinned in
 * {@code .ci/openapi/package.json}. For the real {@code queries/} and for the fixture queries (ASK and CONSTRUCT too).
 */
class OpenApiLintTest {
    private static final Path TOOLS = Path.of(".ci/openapi/node_modules/.bin");
    private static final ClientTool REDOCLY = new ClientTool("Redocly CLI", TOOLS.resolve("redocly"));
    private static final ClientTool TYPESCRIPT = new ClientTool("openapi-typescript", TOOLS.resolve("openapi-typescript"));
    private static final String HOW = "installs .ci/openapi/package.json with npm ci";
    private static final Pattern WARNING = Pattern.compile("^\\s*\\d+:\\d+\\s+warning", Pattern.MULTILINE);

    @TempDir
    static Path tmp;
    private static Config config;

    @BeforeAll
    static void toolsAreInstalledAndAStoreIsLoaded() {
        REDOCLY.requireInstalled(HOW);
        TYPESCRIPT.requireInstalled(HOW);
        config = Servers.config(Fixtures.copy("engine", tmp.resolve("sources")), tmp.resolve("store"));
        Stores.load(config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queries", "kg/src/test/resources/queries-fixture"})
    void servedDocumentIsCleanUnderRedoclyRecommendedRules(String queries) throws Exception {
        Path doc = served(queries);
        ClientTool.Run run = ClientTool.run(List.of(REDOCLY.installed().toString(), "lint", doc.toString(),
                "--config", ".ci/openapi/.redocly.yaml", "--format", "stylish", "--max-problems", "200"), 120);
        assertEquals(0, run.exit(), "Redocly lint of openapi.json:\n" + run.output());
        assertTrue(run.output().contains("Your API description is valid"), run.output());
        assertFalse(WARNING.matcher(run.output()).find(), "no warnings either:\n" + run.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"queries", "kg/src/test/resources/queries-fixture"})
    void generatedClientTypesEveryBody(String queries) throws Exception {
        Path doc = served(queries);
        Path ts = doc.resolveSibling("api.d.ts");
        ClientTool.Run run = ClientTool.run(List.of(TYPESCRIPT.installed().toString(), doc.toString(), "--output", ts.toString()), 120);
        assertEquals(0, run.exit(), run.output());
        String types = Files.readString(ts);
        // Only the open header maps openapi-typescript writes for every response may be unknown; no body may.
        List<String> untyped = types.lines().filter(l -> l.contains(": unknown") && !l.contains("[name: string]: unknown")).toList();
        assertTrue(untyped.isEmpty(), "bodies typed unknown: " + untyped);
        assertTrue(types.contains("\"application/sparql-results+json\": components[\"schemas\"]"), "answers are typed by their schema");
    }

    /** Serves the catalogue in {@code queries} and saves the OpenAPI document a client downloads. */
    private static Path served(String queries) throws Exception {
        Path doc = Files.createTempDirectory(tmp, "openapi").resolve("openapi.json");
        Servers.withServer(config.with(b -> b.queriesDir(Path.of(queries).toAbsolutePath())), base -> {
            var r = Http.get(base.resolve("queries/openapi.json"), "application/json");
            assertEquals(200, r.statusCode());
            Files.writeString(doc, r.body());
        });
        return doc;
    }
}
