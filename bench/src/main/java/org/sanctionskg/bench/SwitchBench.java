package org.sanctionskg.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sanctionskg.bench.Report.Row;
import org.sanctionskg.bench.Report.Target;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.ReleaseArchive;
import org.sanctionskg.store.StoreLayout;

/**
 * The live switch (issue 11): {@code --clients} clients query our {@code serve} while the release it serves changes
 * under them. First a {@code load} into the running server's store makes a second release; then both are packed and
 * installed in turn ({@code install}, a child JVM each) for the whole measured window, so the server switches again
 * and again. Reported against the same window with no switch: failed requests (target 0), p50, p99, throughput.
 */
final class SwitchBench {
    /** Long enough for a few installs (each unpacks and hashes the build) even when {@code --seconds} is tiny. */
    static final Duration MIN_WINDOW = Duration.ofSeconds(8);
    private static final String PEER = "same, no switch";

    private SwitchBench() {}

    static void run(BenchSettings s, Workspace w, HttpClient http, Report report, PrintWriter out) throws InterruptedException {
        Build first = w.build(out);
        SyntheticData.Sources src = w.sources();
        SyntheticData.Workload lookup = SyntheticData.queries(src).get(0);
        LoadGenerator load = new LoadGenerator(http, s.clients());
        Duration window = s.duration().compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : s.duration();
        try (ServerProcess ours = ServerProcess.ours(s, s.serverJvm(), w.store(), src.ontology(), src.data(), w.log("switch-ours"))) {
            ours.awaitFirstAnswer(http, ServerProcess.STARTUP);
            out.printf("switch: a load into the running server's store, then %d clients for %d s steady and %d s while releases are installed in turn…%n",
                    s.clients(), window.toSeconds(), window.toSeconds());
            out.flush();
            try (ChildProcess loading = ChildProcess.start("load", w.ourLoad(), w.log("switch-load"))) {
                loading.await(Duration.ofHours(2));
            }
            String second = new StoreLayout(w.store()).current().orElseThrow().id();
            List<Path> packed = List.of(pack(w, first.id()), pack(w, second));
            LoadGenerator.Requests lookups = rng -> ours.get(lookup.query().apply(rng), "");
            load.warmUp(lookups, s.warmup());
            LoadGenerator.Stats steady = load.measure(lookups, window);
            Installer installer = new Installer(s, w, packed);
            installer.start();
            LoadGenerator.Stats switching = load.measure(lookups, window);
            int switches = installer.finish();
            report.add(new Row("switch", "requests", "count", switching.requests(), PEER, steady.requests(), null));
            report.add(new Row("switch", "requests failed during live switches", "count", switching.failed(), PEER, steady.failed(), Target.oursAtMost(0)));
            report.add(new Row("switch", "p50", "ms", switching.p50Ms(), PEER, steady.p50Ms(), null));
            report.add(new Row("switch", "p99", "ms", switching.p99Ms(), PEER, steady.p99Ms(), Target.atMost(1.5)));
            report.add(new Row("switch", "throughput", "req/s", switching.perSecond(), PEER, steady.perSecond(), null));
            report.add(new Row("switch", "releases installed during the window", "count", switches, "—", Double.NaN, null));
            report.note(String.format(Locale.ROOT, "switch: %d clients, closed loop, /sparql %s (GET, SPARQL JSON), %d s each run; "
                    + "switching run: `install` of two packed releases in turn (child JVMs, back to back), %d installed; "
                    + "failures by cause: switching %s, steady %s", s.clients(), lookup.name(), window.toSeconds(), switches,
                    switching.failures(), steady.failures()));
        }
    }

    private static Path pack(Workspace w, String id) {
        Path file = w.log("release-" + id).resolveSibling("release-" + id + ".zip");
        if (!file.toFile().isFile()) ReleaseArchive.pack(w.store(), id, file);
        return file;
    }

    /** Installs the packed releases in turn into the served store until told to finish. */
    private static final class Installer extends Thread {
        private final BenchSettings s;
        private final Workspace w;
        private final List<Path> releases;
        private final List<String> failures = new ArrayList<>();
        private volatile boolean stop;
        private int installed;

        Installer(BenchSettings s, Workspace w, List<Path> releases) {
            super("release-installer");
            this.s = s;
            this.w = w;
            this.releases = releases;
            setDaemon(true);
        }

        @Override
        public void run() {
            for (int i = 1; !stop; i++) { // the second release is live: install the first, then the second, …
                List<String> cmd = new ArrayList<>(s.jvm());
                cmd.addAll(List.of("-jar", s.jar().toString(), "install", releases.get(i % 2 == 1 ? 0 : 1).toString(), "--store", w.store().toString()));
                try (ChildProcess install = ChildProcess.start("install", cmd, w.log("switch-install"))) {
                    install.await(Duration.ofMinutes(10));
                    installed++;
                } catch (RuntimeException | InterruptedException e) {
                    failures.add(e.getMessage());
                    return;
                }
            }
        }

        /** Stops after the install under way; the number installed. */
        int finish() throws InterruptedException {
            stop = true;
            join();
            if (!failures.isEmpty()) throw new org.sanctionskg.UserException("switch: install failed: " + failures.get(0));
            return installed;
        }
    }
}
