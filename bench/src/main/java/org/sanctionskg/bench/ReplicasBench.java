package org.sanctionskg.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sanctionskg.UserException;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.ReleaseArchive;

/**
 * Scale-out (issue 11): three {@code serve} replicas of one release behind nginx, configured by the repository's
 * {@code deploy/nginx-sanctions-kg.conf}, against one server alone, under the same {@code --clients} clients. All run
 * on this machine, so the replicas share its cores: the figure says what nginx costs and what three JVMs on the same
 * cores give, not what three machines would.
 */
final class ReplicasBench {
    static final int REPLICAS = 3;
    private static final String PEER = "1 server";

    private ReplicasBench() {}

    static void run(BenchSettings s, Workspace w, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        Build live = w.build(out);
        SyntheticData.Sources src = w.sources();
        SyntheticData.Workload lookup = SyntheticData.queries(src).get(0);
        Path release = w.log("replicas").resolveSibling("replicas-release.zip");
        ReleaseArchive.pack(w.store(), live.id(), release);
        List<ServerProcess> replicas = new ArrayList<>();
        try {
            for (int i = 1; i <= REPLICAS; i++) {
                Path store = w.log("replicas").resolveSibling("replica-" + i).resolve("store");
                ReleaseArchive.install(release, store);
                replicas.add(ServerProcess.ours(s, s.serverJvm(), store, src.ontology(), src.data(), w.log("replica-" + i)));
            }
            for (ServerProcess r : replicas) r.awaitFirstAnswer(http, ServerProcess.STARTUP);
            try (NginxProcess nginx = NginxProcess.start(s.project().resolve("deploy/nginx-sanctions-kg.conf"),
                    replicas.stream().map(r -> r.endpoint).toList(), w.log("nginx").resolveSibling("nginx"))) {
                ServerProcess front = ServerProcess.external("nginx", nginx.base().resolve("/sparql"));
                out.printf("replicas: %d clients, %d s on %d replicas behind nginx, then %d s on one of them alone…%n",
                        s.clients(), s.duration().toSeconds(), REPLICAS, s.duration().toSeconds());
                out.flush();
                LoadGenerator load = new LoadGenerator(http, s.clients());
                LoadGenerator.Stats three = load.run(rng -> front.get(lookup.query().apply(rng), ""), s.warmup(), s.duration());
                ServerProcess one = replicas.get(0);
                LoadGenerator.Stats alone = load.run(rng -> one.get(lookup.query().apply(rng), ""), s.warmup(), s.duration());
                String name = REPLICAS + " replicas behind nginx";
                report.add(new Row("replicas", name + ", throughput", "req/s", three.perSecond(), PEER, alone.perSecond(), null));
                report.add(new Row("replicas", name + ", p50", "ms", three.p50Ms(), PEER, alone.p50Ms(), null));
                report.add(new Row("replicas", name + ", p99", "ms", three.p99Ms(), PEER, alone.p99Ms(), null));
                report.add(new Row("replicas", name + ", requests failed", "count", three.failed(), PEER, alone.failed(), Report.Target.oursAtMost(0)));
                int cores = Runtime.getRuntime().availableProcessors();
                report.note(String.format(Locale.ROOT, "replicas: %d clients, /sparql %s, closed loop; %d replicas (each its own store, "
                        + "the same release installed from one packed file) and nginx share this machine's %d cores, so %s; "
                        + "with a core (or a machine) per replica the ceiling is about %d× one server's rate, less nginx's share; "
                        + "failures by cause: replicas %s, one server %s", s.clients(), lookup.name(), REPLICAS, cores,
                        cores < REPLICAS + 1 ? "no scaling is expected: the figure shows the cost of the proxy and of three JVMs on the same cores"
                                : "scaling is bounded by the cores", REPLICAS, three.failures(), alone.failures()));
            }
        } finally {
            replicas.forEach(ServerProcess::close);
        }
    }

    /** Debian's nginx as a child process with its own prefix, the repository's site configuration pointed at our replicas. */
    static final class NginxProcess implements AutoCloseable {
        private final ChildProcess child;
        private final int port;

        private NginxProcess(ChildProcess child, int port) {
            this.child = child;
            this.port = port;
        }

        static NginxProcess start(Path siteConfig, List<URI> upstreams, Path prefix) throws InterruptedException {
            if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) throw new UserException("replicas: no /usr/sbin/nginx (apt-get install nginx)");
            int port = ServerProcess.freePort();
            try {
                Files.createDirectories(prefix.resolve("tmp"));
                String site = Files.readString(siteConfig);
                int[] n = {0};
                site = java.util.regex.Pattern.compile("(?m)^(\\s*server )127\\.0\\.0\\.1:\\d+").matcher(site)
                        .replaceAll(m -> m.group(1) + "127.0.0.1:" + upstreams.get(n[0]++ % upstreams.size()).getPort());
                site = site.replace("listen 80;", "listen 127.0.0.1:" + port + ";").replace("listen [::]:80;", "")
                        .replace("/var/cache/nginx/sanctions-kg", prefix.resolve("cache").toString());
                if (n[0] != upstreams.size()) throw new UserException("replicas: " + siteConfig + " lists " + n[0] + " upstream servers, not " + upstreams.size());
                Files.writeString(prefix.resolve("site.conf"), site);
                Files.writeString(prefix.resolve("nginx.conf"), String.join("\n", "user " + System.getProperty("user.name") + ";", "worker_processes 1;", "pid " + prefix + "/nginx.pid;",
                        "error_log " + prefix + "/error.log warn;", "events { worker_connections 4096; }",
                        "http { access_log off; keepalive_requests 1000000; client_body_temp_path " + prefix + "/tmp/body; proxy_temp_path "
                                + prefix + "/tmp/proxy; fastcgi_temp_path " + prefix + "/tmp/fastcgi; uwsgi_temp_path " + prefix
                                + "/tmp/uwsgi; scgi_temp_path " + prefix + "/tmp/scgi; include " + prefix + "/site.conf; }", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChildProcess child = ChildProcess.start("nginx", List.of("/usr/sbin/nginx", "-p", prefix + "/", "-c", prefix.resolve("nginx.conf").toString(),
                    "-e", prefix.resolve("error.log").toString(), "-g", "daemon off;"), prefix.resolve("nginx.log"));
            NginxProcess nginx = new NginxProcess(child, port);
            nginx.awaitListening();
            return nginx;
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        private void awaitListening() throws InterruptedException {
            for (int i = 0; i < 300; i++) {
                if (!child.isAlive()) throw new UserException("replicas: nginx stopped: " + child.tail());
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new UserException("replicas: nginx did not listen on " + port + ": " + child.tail());
        }

        @Override
        public void close() {
            child.close();
        }
    }
}
