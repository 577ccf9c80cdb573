package org.sanctionskg.server;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;
import org.sanctionskg.web.ResultDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveSwitchTest {
    static final String COUNT = "SELECT (COUNT(?s) AS ?n) { ?s a <https://example.org/mini#Sanction> }";
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"");
    private static final String JSON = "application/sparql-results+json";

    /** The engine fixture and its canned queries, served under its own namespace, pinned releases closed as soon as idle. */
    static Config project(Path root) {
        Fixtures.copy("engine", root);
        Fixtures.copy("queries-fixture", root.resolve("queries"));
        Config.Limits d = Config.Limits.defaults();
        Config config = Servers.config(root, root.resolve("store")).with(b -> b.base("https://example.org/").pinnedIdle(Duration.ZERO)
                .limits(new Config.Limits(d.queryBytes(), d.queryDepth(), d.queryUnions(), d.resultRows(), d.serviceCalls(),
                        d.concurrentQueries(), d.concurrentQueries(), d.clientSecondsPerMinute(), d.trustedProxy()))); // the test's threads are one client
        Stores.load(config);
        return config;
    }

    /** Adds {@code count} sanctions to the data (one of them by Alpha on Beta), so the next load is a different release. */
    static void change(Config config, int count) throws Exception {
        Stores.writeManySanctions(config.dataDir().resolve("more.nt"), count - 1);
        Files.writeString(config.dataDir().resolve("one.nt"), "<https://example.org/id/new> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/mini#Sanction> .\n"
                + "<https://example.org/id/new> <https://example.org/mini#imposedBy> <https://example.org/id/alpha> .\n"
                + "<https://example.org/id/new> <https://example.org/mini#targets> <https://example.org/id/beta> .\n"
                + "<https://example.org/id/new> <https://example.org/mini#date> \"2022-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> .\n");
    }

    static String live(Config config) {
        return new StoreLayout(config.storeDir()).current().orElseThrow().id();
    }

    static long count(HttpResponse<String> r) {
        Matcher m = VALUE.matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    static String release(HttpResponse<String> r) {
        return r.headers().firstValue("X-Release").orElse("");
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("still waiting: " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void aLoadIntoTheRunningServersStoreSwitchesEveryNewRequestWithNoneFailedOrMixed(@TempDir Path root) throws Exception {
        Config config = project(root);
        String old = live(config);
        Servers.withServer(config, base -> {
            try (QueryLoad load = QueryLoad.start(base, 6)) {
                await("answers from the first release", () -> load.answered(old));
                change(config, 500);
                Stores.load(config);
                String next = live(config);
                await("answers from the new release", () -> load.answered(next));
                long then = load.answers();
                await("some more answers", () -> load.answers() > then + 20);
                load.finish();
                assertEquals(List.of(), load.failures(), "no request failed");
                assertEquals(List.of(), load.mixed(), "no request was answered by two releases");
                Map<String, Long> counts = load.counts();
                assertEquals(counts.get(old) + 500, counts.get(next), "the new release answers with the new data: " + counts);
                assertEquals(Map.of(old, counts.get(old), next, counts.get(next)), counts, "only the two releases answered");
                assertEquals(next, release(Http.query(base, COUNT, JSON)), "every new request gets the new release");
                Path lock = config.storeDir().resolve("builds").resolve(old).resolve("tdb2").resolve("tdb.lock");
                await("the old release's TDB2 lock released after the drain", () -> !Files.exists(lock));
            }
        });
    }

    @Test
    void aPinnedPermalinkAnswersFromItsReleaseAfterANewOneAndIsGoneOncePruned(@TempDir Path root) throws Exception {
        Config config = project(root);
        String old = live(config);
        Servers.withServer(config, base -> {
            URI canned = base.resolve("queries/targets?party=" + Http.encode("https://example.org/id/alpha"));
            HttpResponse<String> before = Http.get(canned, JSON);
            long oldCount = count(Http.query(base, COUNT, JSON));
            change(config, 40);
            Stores.load(config);
            String next = live(config);
            await("the switch", () -> {
                try {
                    return next.equals(release(Http.query(base, COUNT, JSON)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpResponse<String> latest = Http.get(canned, JSON);
            assertNotEquals(before.body(), latest.body(), "the new release answers differently");

            HttpResponse<String> pinned = Http.get(URI.create(canned + "&release=" + old), JSON);
            assertEquals(200, pinned.statusCode(), pinned.body());
            assertEquals(before.body(), pinned.body(), "the permalink answers as the old release did");
            assertEquals(old, release(pinned));
            assertEquals(ReleaseFilter.IMMUTABLE, pinned.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(ResultDigest.of(pinned.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    pinned.headers().firstValue("Repr-Digest").orElse(""), "the result hash is the body's");
            HttpResponse<String> pinnedSparql = Http.get(URI.create(base + "sparql?release=" + old + "&query=" + Http.encode(COUNT)), JSON);
            assertEquals(oldCount, count(pinnedSparql), "a pinned /sparql query answers from the old release");
            assertEquals(old, release(pinnedSparql));
            assertEquals(200, Http.get(URI.create(base + "id/alpha?release=" + old), "text/html").statusCode(), "entity pages pin too");

            assertEquals(404, Http.get(URI.create(canned + "&release=20000101T000000.000Z"), JSON).statusCode(), "a release never made");
            assertEquals(400, Http.get(URI.create(canned + "&release=latest"), JSON).statusCode(), "not a release id");

            Path database = config.storeDir().resolve("builds").resolve(old).resolve("tdb2");
            await("the idle pinned release closed", () -> !Files.exists(database.resolve("tdb.lock")));
            try (var files = Files.walk(database)) { // what pruning with --keep-releases does: the database goes, the dumps stay
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            HttpResponse<String> gone = Http.get(URI.create(canned + "&release=" + old), JSON);
            assertEquals(410, gone.statusCode(), gone.body());
            assertTrue(gone.body().contains("/releases/" + old), "it points to the release's dumps: " + gone.body());
            assertEquals(latest.body(), Http.get(canned, JSON).body(), "the live release is untouched");
        });
    }

    @Test
    void aDamagedBuildNamedByCurrentIsNotSwitchedTo(@TempDir Path root) throws Exception {
        Config config = project(root);
        String old = live(config);
        java.io.StringWriter notices = new java.io.StringWriter();
        Servers.withServer(config, new java.io.PrintWriter(notices, true), base -> {
            change(config, 10);
            Stores.load(config);
            String next = live(config);
            await("the switch", () -> notices.toString().contains("Serving release " + next));
            Path dump = config.storeDir().resolve("builds").resolve(old).resolve("manifest.properties");
            Files.writeString(dump, Files.readString(dump) + "#\n"); // the earlier build, damaged
            StoreLayout layout = new StoreLayout(config.storeDir());
            layout.publish(layout.all().stream().filter(b -> b.id().equals(old)).findFirst().orElseThrow());
            await("the refusal", () -> notices.toString().contains("not switching to release " + old));
            assertTrue(notices.toString().contains("manifest.properties"), "it names the damaged file: " + notices);
            assertEquals(next, release(Http.query(base, COUNT, JSON)), "the intact release goes on serving");
        });
    }
}
