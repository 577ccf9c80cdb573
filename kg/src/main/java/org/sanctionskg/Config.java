package org.sanctionskg;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sanctionskg.rdf.SKG;

/**
 * Every setting of a sanctions-kg run, validated once at the boundary. The defaults live in {@link Builder} only;
 * a changed copy is {@code config.with(b -> b.port(0))}.
 */
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
        int heldResultBytes,
        Limits limits,
        int keepReleases,
        Duration pinnedIdle) {

    /**
     * What one request and one client may cost (issue 9): a single researcher never meets these; one abusive client
     * cannot take the service from the others.
     *
     * @param queryBytes           longest query text, in UTF-8 bytes (413 beyond)
     * @param queryDepth           deepest nesting of groups and expressions (400 beyond)
     * @param queryUnions          most UNIONs in one query (400 beyond: long chains overflow the planner's stack)
     * @param resultRows           most rows a SELECT answers (a header says when the answer was cut)
     * @param serviceCalls         most SERVICE requests one query may send (422 beyond)
     * @param concurrentQueries    queries executed at once, all clients together (503 + Retry-After beyond)
     * @param clientConcurrent     queries one client may have running at once (429 + Retry-After beyond)
     * @param clientSecondsPerMinute query time one client may use per minute (429 + Retry-After beyond)
     * @param trustedProxy         the one proxy address whose X-Forwarded-For names the client; empty: none
     */
    public record Limits(int queryBytes, int queryDepth, int queryUnions, int resultRows, int serviceCalls,
                         int concurrentQueries, int clientConcurrent, int clientSecondsPerMinute, String trustedProxy) {
        public Limits {
            trustedProxy = trustedProxy == null ? "" : trustedProxy.strip();
            if (queryBytes < 1 || queryDepth < 1 || queryUnions < 0 || resultRows < 1 || serviceCalls < 0
                    || concurrentQueries < 1 || clientConcurrent < 1 || clientSecondsPerMinute < 1)
                throw new UserException("Illegal limits " + this + " (each must be positive)");
        }

        /**
         * WDQS- and DBpedia-like defaults (DBpedia answers at most 10,000 rows). One client may hold at most a fifth of
         * the execution slots: with 4 of 8, one client's runaways made others wait past the queue (bench abuse part).
         */
        public static Limits defaults() {
            return new Limits(64 << 10, 24, 256, 10_000, 50, 16, 3, 120, "");
        }

        /** The largest request body that can carry a query of {@link #queryBytes} (form-encoded: up to 3 bytes each). */
        public long bodyBytes() {
            return 3L * queryBytes + 4096;
        }
    }

    /** The public namespace every entity IRI lives under, whatever host serves it: the default {@link #base}. */
    public static final String PUBLIC_BASE = SKG.BASE;
    /** The SERVICE IRI researchers write for Wikidata; always allowed, and mapped to {@link #wikidataEndpoint}. */
    public static final URI WIKIDATA_SPARQL = URI.create("https://query.wikidata.org/sparql");

    public Config {
        if (port < 0 || port > 65535) throw new UserException("Illegal port=" + port + " (use 0-65535)");
        if (timeout.isNegative() || timeout.isZero())
            throw new UserException("Illegal timeout=" + timeout.toSeconds() + "s (must be positive)");
        if (keepReleases < 1) throw new UserException("Illegal keep-releases=" + keepReleases + " (at least 1: the live release)");
        if (heldResultBytes < 0) throw new UserException("Illegal held result size=" + heldResultBytes + " (must be >= 0)");
        if (!base.endsWith("/")) base = base + "/";
        if (!base.matches("https?://[^\\s/?#]+/[^\\s?#<>\"{}|\\\\^`]*"))
            throw new UserException("Illegal base=" + base + " (an absolute http(s) IRI, e.g. " + PUBLIC_BASE + ")");
        List<URI> allowed = new ArrayList<>(List.of(WIKIDATA_SPARQL));
        allowedServices.stream().filter(u -> !allowed.contains(u)).forEach(allowed::add);
        allowedServices = List.copyOf(allowed);
    }

    public static Config defaults() {
        return new Builder().build();
    }

    /** A copy with what {@code change} sets on a builder that starts from this config. */
    public Config with(Consumer<Builder> change) {
        Builder b = new Builder();
        b.ontologyDir = ontologyDir;
        b.dataDir = dataDir;
        b.queriesDir = queriesDir;
        b.storeDir = storeDir;
        b.port = port;
        b.loopbackOnly = loopbackOnly;
        b.base = base;
        b.timeout = timeout;
        b.allowedServices = allowedServices;
        b.wikidataEndpoint = wikidataEndpoint;
        b.heldResultBytes = heldResultBytes;
        b.limits = limits;
        b.keepReleases = keepReleases;
        b.pinnedIdle = pinnedIdle;
        change.accept(b);
        return b.build();
    }

    /** The folders whose files are loaded (the queries are read by the server, not loaded). */
    public List<Path> sourceFolders() {
        return List.of(ontologyDir, dataDir);
    }

    /** The settings being changed, each starting at its default. */
    public static final class Builder {
        private Path ontologyDir = Path.of("ontology");
        private Path dataDir = Path.of("data");
        private Path queriesDir = Path.of("queries");
        private Path storeDir = Path.of("store");
        private int port = 3030;
        private boolean loopbackOnly = false;
        private String base = PUBLIC_BASE;
        private Duration timeout = Duration.ofSeconds(30);
        /** Besides Wikidata, which is always allowed. */
        private List<URI> allowedServices = List.of();
        private URI wikidataEndpoint = WIKIDATA_SPARQL;
        /** How much of a SPARQL result is held back, so a timeout before then is a clean 503 (see TimeoutGuard). */
        private int heldResultBytes = 8 << 20;
        private Limits limits = Limits.defaults();
        /** Releases whose dumps stay downloadable, the live one included; only the live and previous keep their TDB2. */
        private int keepReleases = 5;
        /** How long an earlier release opened for {@code ?release=} stays open with nobody asking for it. */
        private Duration pinnedIdle = Duration.ofSeconds(60);

        private Builder() {}

        public Builder ontologyDir(Path v) { ontologyDir = v; return this; }
        public Builder dataDir(Path v) { dataDir = v; return this; }
        public Builder queriesDir(Path v) { queriesDir = v; return this; }
        public Builder storeDir(Path v) { storeDir = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder loopbackOnly(boolean v) { loopbackOnly = v; return this; }
        public Builder base(String v) { base = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder allowedServices(List<URI> v) { allowedServices = v; return this; }
        public Builder wikidataEndpoint(URI v) { wikidataEndpoint = v; return this; }
        public Builder heldResultBytes(int v) { heldResultBytes = v; return this; }
        public Builder limits(Limits v) { limits = v; return this; }
        public Builder keepReleases(int v) { keepReleases = v; return this; }
        public Builder pinnedIdle(Duration v) { pinnedIdle = v; return this; }

        /** The sources, store and queries under one project folder. */
        public Builder project(Path root) {
            return ontologyDir(root.resolve("ontology")).dataDir(root.resolve("data")).queriesDir(root.resolve("queries"));
        }

        public Config build() {
            return new Config(ontologyDir, dataDir, queriesDir, storeDir, port, loopbackOnly, base, timeout,
                    allowedServices, wikidataEndpoint, heldResultBytes, limits, keepReleases, pinnedIdle);
        }
    }
}
