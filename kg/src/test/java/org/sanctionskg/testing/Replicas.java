package org.sanctionskg.testing;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.sanctionskg.Config;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.server.KgServer;
import org.sanctionskg.server.LiveReleases;

/** Several of our servers side by side, one per store, each on its own loopback port; always all stopped. */
public final class Replicas {
    private final List<Replica> replicas = new ArrayList<>();

    private Replicas() {}

    /** What a test does with the running replicas. */
    @FunctionalInterface
    public interface Body {
        void run(List<Replica> replicas) throws Exception;
    }

    /** One server that a test may stop (abruptly: no drain) and start again on the same port and store. */
    public static final class Replica {
        private final Config config;
        private FusekiServer server;
        private LiveReleases releases;
        private int port;

        private Replica(Config config) {
            this.config = config;
        }

        public synchronized void start() throws Exception {
            if (server != null) return;
            Config on = config.with(b -> b.port(port));
            releases = LiveReleases.of(on, new PrintWriter(Writer.nullWriter()));
            server = KgServer.build(on, releases, Catalogue.load(on.queriesDir())).start();
            port = server.getPort();
        }

        public synchronized void stop() {
            if (server == null) return;
            server.stop();
            releases.close();
            server = null;
        }

        public URI uri() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        public Config config() {
            return config;
        }
    }

    /** Runs {@code body} with one started replica per config. */
    public static void with(List<Config> configs, Body body) throws Exception {
        Replicas all = new Replicas();
        try {
            for (Config c : configs) {
                Replica r = new Replica(c);
                all.replicas.add(r);
                r.start();
            }
            body.run(List.copyOf(all.replicas));
        } finally {
            all.replicas.forEach(Replica::stop);
        }
    }
}
