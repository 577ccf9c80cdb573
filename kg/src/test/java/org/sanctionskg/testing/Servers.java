package org.sanctionskg.testing;

import java.net.URI;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.sanctionskg.Config;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.server.KgServer;
import org.sanctionskg.server.LiveReleases;

/** Owns every server a test starts: port 0 on loopback, always stopped. No test field holds a live server. */
public final class Servers {
    private Servers() {}

    /** What a test does with a running server, given its base URI (ending in '/'). */
    @FunctionalInterface
    public interface Body {
        void run(URI base) throws Exception;
    }

    /** A configuration for tests: free loopback port, sources from {@code root/ontology}, {@code root/data}. */
    public static Config config(Path root, Path store) {
        return Config.defaults().with(b -> b.project(root).storeDir(store).port(0).loopbackOnly(true));
    }

    /** Runs {@code body} against our server on the store that {@code config} names. */
    public static void withServer(Config config, Body body) throws Exception {
        withServer(config, new java.io.PrintWriter(System.err, true), body);
    }

    /** {@link #withServer(Config, Body)}, telling what the server notices (release switches, refusals) to {@code notices}. */
    public static void withServer(Config config, java.io.PrintWriter notices, Body body) throws Exception {
        try (LiveReleases releases = LiveReleases.of(config, notices)) {
            FusekiServer server = KgServer.build(config, releases, Catalogue.load(config.queriesDir())).start();
            try {
                body.run(URI.create("http://127.0.0.1:" + server.getPort() + "/"));
            } finally {
                server.stop();
            }
        }
    }

    /** Real Wikidata statements in WDQS's shape (the test fixture), for a stand-in of the Wikidata endpoint. */
    public static org.apache.jena.sparql.core.DatasetGraph wikidataStandIn() {
        var dsg = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        org.apache.jena.riot.RDFParser.source(Servers.class.getResource("/wikidata/fixture.ttl").toString()).parse(dsg);
        return dsg;
    }

    /** Runs {@code body} against a plain Fuseki serving {@code dataset} read-only at {@code /sparql} (a stand-in peer). */
    public static void withPlainFuseki(org.apache.jena.sparql.core.DatasetGraph dataset, Body body) throws Exception {
        FusekiServer server = FusekiServer.create().port(0).loopback(true).add("/sparql", dataset, false).build().start();
        try {
            body.run(URI.create("http://127.0.0.1:" + server.getPort() + "/"));
        } finally {
            server.stop();
        }
    }
}
