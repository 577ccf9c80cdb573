package org.sanctionskg;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Every setting of a sanctions-kg run, with its default, validated once at the boundary. */
public record Config(
        Path ontologyDir,
        Path dataDir,
        Path queriesDir,
        Path storeDir,
        int port,
        boolean loopbackOnly,
        String base,
        Duration timeout,
        List<URI> allowedServices,
        URI wikidataEndpoint,
        int heldResultBytes) {

    /** The public namespace every entity IRI lives under, whatever host serves it. */
    public static final String PUBLIC_BASE = "https://w3id.org/sanctions-kg/";
    /** The SERVICE IRI researchers write for Wikidata. */
    public static final URI WIKIDATA_SPARQL = URI.create("https://query.wikidata.org/sparql");

    /** How much of a SPARQL result is held back, so a timeout before then is a clean 503 (see TimeoutGuard). */
    public static final int HELD_RESULT_BYTES = 8 << 20;

    public Config {
        if (port < 0 || port > 65535) throw new UserException("Illegal port=" + port + " (use 0-65535)");
        if (timeout.isNegative() || timeout.isZero())
            throw new UserException("Illegal timeout=" + timeout.toSeconds() + "s (must be positive)");
        if (!base.endsWith("/")) base = base + "/";
        if (!base.matches("https?://[^\\s/?#]+/[^\\s?#<>\"{}|\\\\^`]*"))
            throw new UserException("Illegal base=" + base + " (an absolute http(s) IRI, e.g. " + PUBLIC_BASE + ")");
        allowedServices = List.copyOf(allowedServices);
    }

    public static Config defaults() {
        Path root = Path.of("");
        return new Config(root.resolve("ontology"), root.resolve("data"), root.resolve("queries"),
                root.resolve("store"), 3030, false, PUBLIC_BASE, Duration.ofSeconds(30),
                List.of(WIKIDATA_SPARQL), WIKIDATA_SPARQL, HELD_RESULT_BYTES);
    }

    public Config withStore(Path dir) {
        return new Config(ontologyDir, dataDir, queriesDir, dir, port, loopbackOnly, base, timeout,
                allowedServices, wikidataEndpoint, heldResultBytes);
    }

    public Config withSources(Path ontology, Path data, Path queries) {
        return new Config(ontology, data, queries, storeDir, port, loopbackOnly, base, timeout,
                allowedServices, wikidataEndpoint, heldResultBytes);
    }

    public Config withHeldResultBytes(int bytes) {
        return new Config(ontologyDir, dataDir, queriesDir, storeDir, port, loopbackOnly, base, timeout,
                allowedServices, wikidataEndpoint, bytes);
    }

    public Config withServer(int port, boolean loopbackOnly, String base, Duration timeout,
                             List<URI> allowedServices, URI wikidataEndpoint) {
        return new Config(ontologyDir, dataDir, queriesDir, storeDir, port, loopbackOnly, base, timeout,
                allowedServices, wikidataEndpoint, heldResultBytes);
    }
}
