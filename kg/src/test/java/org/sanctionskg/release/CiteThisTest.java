package org.sanctionskg.release;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedFixture;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.testing.Http;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of HTML page ends with a "Cite this" block naming the release that answered and a permalink to it. */
class CiteThisTest {
    @Test
    void citeThisBlockNamesTheLiveReleaseOnEveryPageKind(@TempDir Path tmp) throws Exception {
        Config config = LinkedFixture.load(tmp);
        String live = new StoreLayout(config.storeDir()).current().orElseThrow().id();
        String pub = config.base();
        // page path → the public URL its permalink pins
        Map<String, String> pages = Map.of(
                "", pub,
                "id/official-x", pub + "id/official-x",
                "ontology", pub + "ontology",
                "queries", pub + "queries",
                "queries/who-imposed", pub + "queries/who-imposed",
                "download/", pub + "download/",
                ".well-known/void", pub + ".well-known/void",
                "releases", pub + "releases",
                "releases/" + live, pub + "releases/" + live);
        Servers.withServer(config, base -> {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                HttpResponse<String> res = Http.get(base.resolve(page.getKey()), "text/html");
                assertEquals(200, res.statusCode(), page.getKey());
                String html = res.body();
                assertTrue(html.contains("<aside class=\"cite\" id=\"cite\"><h2>Cite this</h2>"), page.getKey() + ": " + html);
                assertTrue(html.contains("release <code class=\"release\">" + live + "</code>"), page.getKey());
                assertTrue(html.contains("<a class=\"permalink\" href=\"" + page.getValue() + "?release=" + live + "\">"), page.getKey() + ": " + html);
                assertTrue(html.contains("(" + live.substring(0, 4) + "-" + live.substring(4, 6) + "-" + live.substring(6, 8) + ")"), "its date");
                assertTrue(html.contains("<a rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>"), page.getKey());
            }
        });
    }
}
