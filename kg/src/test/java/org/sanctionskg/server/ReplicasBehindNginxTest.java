package org.sanctionskg.server;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.store.ReleaseArchive;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Nginx;
import org.sanctionskg.testing.Replicas;
import org.sanctionskg.testing.Stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sanctionskg.server.LiveSwitchTest.await;
import static org.sanctionskg.server.LiveSwitchTest.live;

class ReplicasBehindNginxTest {
    @Test
    void nginxBeforeThreeReplicasFailsNoRequestWhenOneStopsOrAReleaseRollsAcrossThem(@TempDir Path root) throws Exception {
        Config publisher = LiveSwitchTest.project(root.resolve("publisher"));
        String first = live(publisher);
        Path firstFile = root.resolve("first.zip");
        ReleaseArchive.pack(publisher.storeDir(), first, firstFile);
        LiveSwitchTest.change(publisher, 30);
        Stores.load(publisher);
        String second = live(publisher);
        Path secondFile = root.resolve("second.zip");
        ReleaseArchive.pack(publisher.storeDir(), second, secondFile);

        List<Config> stores = IntStream.rangeClosed(1, 3).mapToObj(i -> publisher.with(b -> b.storeDir(root.resolve("replica" + i)))).toList();
        stores.forEach(c -> ReleaseArchive.install(firstFile, c.storeDir()));
        Replicas.with(stores, replicas -> Nginx.with(root.resolve("nginx"), replicas.stream().map(Replicas.Replica::uri).toList(), front -> {
            try (QueryLoad load = QueryLoad.start(front, 4)) {
                await("answers through nginx", () -> load.answers() > 20);
                replicas.get(1).stop(); // abruptly: its connections close under the requests on them
                long then = load.answers();
                await("answers with one replica down", () -> load.answers() > then + 50);
                replicas.get(1).start();

                List<String> roll = new ArrayList<>(List.of("bash", Nginx.siteConfig().resolveSibling("roll").toString(), secondFile.toString()));
                replicas.forEach(r -> roll.add(r.config().storeDir() + "@" + r.uri().toString().replaceAll("/$", "")));
                ProcessBuilder rolling = new ProcessBuilder(roll).redirectErrorStream(true);
                rolling.environment().put("SKG", Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                        + System.getProperty("java.class.path") + " org.sanctionskg.cli.Main");
                Process p = rolling.start();
                String said = new String(p.getInputStream().readAllBytes());
                assertEquals(0, p.waitFor(), said);
                await("answers from the rolled release", () -> load.answered(second));
                load.finish();

                assertEquals(List.of(), load.failures(), "no request failed, through a stop and a roll");
                assertEquals(List.of(), load.mixed(), "no request was answered by two releases");
                Map<String, Long> counts = load.counts();
                assertEquals(counts.get(first) + 30, counts.get(second), "the rolled release answers with its data: " + counts);
                for (Replicas.Replica r : replicas) {
                    assertEquals(second, Http.get(r.uri().resolve("health"), "text/plain").body().strip(), r.uri() + " reports the new release");
                    assertTrue(said.contains(r.uri().toString().replaceAll("/$", "") + " serves release " + second), said);
                }
                URI pinned = URI.create(front + "sparql?release=" + first + "&query=" + Http.encode(LiveSwitchTest.COUNT));
                Http.get(pinned, "application/sparql-results+json");
                assertEquals("HIT", Http.get(pinned, "application/sparql-results+json").headers().firstValue("X-Cache-Status").orElse(""),
                        "nginx caches an answer pinned to a release");
                assertTrue(Files.isDirectory(root.resolve("nginx").resolve("cache")));
            }
        }));
    }
}
