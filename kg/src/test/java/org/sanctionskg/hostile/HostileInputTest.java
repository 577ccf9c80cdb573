package org.sanctionskg.hostile;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.RawRequest.Answer;
import org.sanctionskg.testing.RawRequest;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded, seeded fuzzing of the real site on the real data: every malformed or hostile request gets a 4xx in the
 * one error format, never a 5xx, the server keeps answering, and the data is the same afterwards.
 */
class HostileInputTest {
    private static final long SEED = 20210322L;
    private static final List<String> ROUTES = List.of("/", "/ui", "/sparql", "/queries", "/queries/timeline", "/queries/openapi.json",
            "/.well-known/sparql-examples", "/.well-known/void", "/id/chen-quanguo", "/ontology", "/context.jsonld", "/download/");
    private static final List<String> BAD_VALUES = List.of("%zz", "%FF", "%C0%AF", "%", "%E2%82", "%ED%A0%80", "%00", "%0D%0AX-Injected:%201",
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/", "%3Cscript%3Ealert(1)%3C/script%3E", "%22%7D%20%3B%20DROP%20ALL%20%23",
            "2021-13-45", "x".repeat(10_000), "%F0%9F%92%A9", "%EF%BF%BF", "-1", "1e309", "%u0041");
    @TempDir
    static Path root;
    static Config config;

    @BeforeAll
    static void loadTheRealData() throws Exception {
        config = Servers.config(Path.of(""), root.resolve("store")).with(b -> b.timeout(java.time.Duration.ofSeconds(10)));
        Stores.load(config);
    }

    @Test
    void badEncodingsInEveryParameterAndPathAreClientErrors() throws Exception {
        List<String> requests = new ArrayList<>();
        for (String route : ROUTES)
            for (String v : BAD_VALUES) {
                requests.add(route + "?format=" + v);
                requests.add(route + "/" + v);
            }
        for (String name : cannedQueries())
            for (String param : List.of("from", "to", "date", "party", "limit", "x"))
                for (String v : BAD_VALUES) requests.add("/queries/" + name + "?" + param + "=" + v);
        for (String v : BAD_VALUES) requests.add("/sparql?query=" + v);
        assertNoServerErrors(requests.stream().map(r -> (Probe) base -> RawRequest.get(base, r, "*/*")).toList(), requests);
    }

    @Test
    void unknownMethodsAre405WithAllowOnEveryRoute() throws Exception {
        List<String> names = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        for (String route : ROUTES)
            for (String method : List.of("PROPFIND", "FOO", "get", "TRACE", "PUT", "DELETE", "PATCH", "CONNECT")) {
                names.add(method + " " + route);
                probes.add(base -> {
                    Answer a = RawRequest.send(base, method + " " + route + " HTTP/1.1", "", new byte[0]);
                    if (a.status() == 405 && a.header("Allow") == null) return new Answer(599, a.head(), "405 without Allow");
                    return a;
                });
            }
        Servers.withServer(config, base -> {
            for (int i = 0; i < probes.size(); i++) {
                Answer a = probes.get(i).send(base);
                assertTrue(a.status() == 405 || a.status() == 400, names.get(i) + " → " + a.status());
            }
        });
    }

    @Test
    void malformedFramingHugeHeadersAndBodiesAreClientErrors() throws Exception {
        byte[] big = new byte[11 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        List<String> names = List.of("bad chunk size", "non-numeric Content-Length", "negative Content-Length", "100 KB header",
                "11 MB query body", "11 MB form body", "form with bad encoding", "unknown content type", "multipart", "empty POST",
                "query and update together");
        List<Probe> probes = List.of(
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n",
                        "zz\r\nSELECT\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/sparql-query\r\nContent-Length: abc\r\n", new byte[0]),
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/sparql-query\r\nContent-Length: -1\r\n", new byte[0]),
                base -> RawRequest.send(base, "GET /queries HTTP/1.1", "X-Big: " + "a".repeat(100_000) + "\r\n", new byte[0]),
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/sparql-query\r\nContent-Length: " + big.length + "\r\n", big),
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (big.length + 6) + "\r\n",
                        concat("query=".getBytes(StandardCharsets.US_ASCII), big)),
                base -> form(base, "query=%zz%ED%A0%80"),
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/x-unknown\r\nContent-Length: 4\r\n", "ASK{".getBytes(StandardCharsets.US_ASCII)),
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 9\r\n", "--x--\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                base -> RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/sparql-query\r\nContent-Length: 0\r\n", new byte[0]),
                base -> form(base, "query=ASK%7B%7D&update=DROP%20ALL"));
        assertNoServerErrors(probes, names);
    }

    @Test
    void mutatedQueriesAreAnsweredOrRefusedButNeverFail() throws Exception {
        Random random = new Random(SEED);
        List<String> seeds = new ArrayList<>();
        for (String name : cannedQueries()) seeds.add(Files.readString(Path.of("queries", name + ".rq")));
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 400; i++) queries.add(mutate(seeds.get(random.nextInt(seeds.size())), random));
        List<Probe> probes = queries.stream().map(q -> (Probe) base -> RawRequest.get(base, "/sparql?query=" + Http.encode(q), "application/sparql-results+json")).toList();
        assertNoServerErrors(probes, queries);
    }

    @Test
    void cannedParametersAreBoundNotSplicedWhateverTheyHold() throws Exception {
        List<String> values = List.of("2021-03-22\"^^<x> } ; DROP ALL #", "<http://example.org/x>", "?s ?p ?o", "' OR 1=1 --", "\u0000",
                "\uD800", "2021-03-22T00:00:00Z", "99999-01-01", "🙂", "\\u0022", "${jndi:ldap://x}");
        List<String> requests = new ArrayList<>();
        for (String name : cannedQueries())
            for (String param : List.of("from", "to", "date", "party", "country"))
                for (String v : values) requests.add("/queries/" + name + "?" + param + "=" + Http.encode(v));
        assertNoServerErrors(requests.stream().map(r -> (Probe) base -> RawRequest.get(base, r, "application/json")).toList(), requests);
    }

    @FunctionalInterface
    interface Probe {
        Answer send(URI base) throws Exception;
    }

    /**
     * Runs every probe on one server (SERVICE to Wikidata mapped to a local stand-in); asserts no 5xx (each refusal a
     * one-line error in our format), the server alive, the data unchanged.
     */
    private static void assertNoServerErrors(List<Probe> probes, List<String> names) throws Exception {
        assertTrue(probes.size() >= 10, "a fuzz class with almost no cases checks nothing");
        Servers.withPlainFuseki(Servers.wikidataStandIn(), wd -> Servers.withServer(config.with(b -> b.wikidataEndpoint(wd.resolve("sparql"))), base -> {
            String before = fingerprint(base);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                Answer a;
                try {
                    a = probes.get(i).send(base);
                } catch (java.io.IOException e) {
                    throw new AssertionError("no answer to " + names.get(i).substring(0, Math.min(120, names.get(i).length())) + ": " + e, e);
                }
                String name = names.get(i).length() > 120 ? names.get(i).substring(0, 120) + "…" : names.get(i);
                boolean stoppedAtTheLimit = a.status() == 503 && a.body().contains("time limit"); // well-formed but too costly: the documented answer
                if (!stoppedAtTheLimit && (a.status() >= 500 || a.status() == 0)) failures.add(a.status() + " for " + name + ": " + firstLine(a.body()));
                else if (a.status() >= 400 && !errorFormat(a)) failures.add("not our error format for " + name + ": " + firstLine(a.body()));
            }
            assertTrue(failures.isEmpty(), failures.size() + " of " + probes.size() + " failed:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
            assertEquals(before, fingerprint(base), "the data is unchanged and the server still answers");
        }));
    }

    /** Our one error format (plain text, never sniffed as HTML, one line), or the HTML 404 a browser gets. */
    private static boolean errorFormat(Answer a) {
        String type = a.header("Content-Type");
        if (!"nosniff".equals(a.header("X-Content-Type-Options"))) return false;
        if (type != null && type.startsWith("text/html")) return a.status() == 404 && a.body().contains("Not found");
        return type != null && type.startsWith("text/plain") && a.body().startsWith(a.status() + " ") && a.body().lines().count() == 1;
    }

    private static String fingerprint(URI base) throws Exception {
        String nt = Http.query(base, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "application/n-triples").body();
        List<String> lines = new ArrayList<>(nt.lines().toList());
        lines.sort(null);
        assertTrue(lines.size() > 1000, "the real data is loaded");
        return lines.size() + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> cannedQueries() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rq")).map(n -> n.substring(0, n.length() - 3)).sorted().toList();
            assertTrue(names.size() >= 10);
            return names;
        }
    }

    /** Byte-level damage a fuzzer would do: flips, cuts, duplications, stray braces and keywords. */
    private static String mutate(String q, Random r) {
        StringBuilder s = new StringBuilder(q);
        for (int n = 1 + r.nextInt(4); n > 0 && s.length() > 0; n--) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(6)) {
                case 0 -> s.setCharAt(at, (char) (32 + r.nextInt(95)));
                case 1 -> s.delete(at, Math.min(s.length(), at + r.nextInt(20)));
                case 2 -> s.insert(at, s.substring(at, Math.min(s.length(), at + r.nextInt(40))));
                case 3 -> s.insert(at, List.of("{", "}", "(", ")", " UNION ", " OPTIONAL ", " FILTER(", "\"", "<", "?x", "#").get(r.nextInt(11)));
                case 4 -> s.setLength(at);
                default -> s.insert(at, (char) r.nextInt(0x3000));
            }
        }
        return s.toString();
    }

    private static Answer form(URI base, String body) throws Exception {
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        return RawRequest.send(base, "POST /sparql HTTP/1.1", "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + b.length + "\r\n", b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String firstLine(String body) {
        return body.lines().findFirst().orElse("").substring(0, Math.min(160, body.lines().findFirst().orElse("").length()));
    }
}
