package org.sanctionskg.site;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.web.Html;
import org.sanctionskg.web.ReadOnlyServlet.Representation;

/**
 * {@code /ui}: YASGUI from its WebJar (the minified bundle and stylesheet only, served from this server, so it
 * works offline) against {@code /sparql}, with every canned query of the catalogue preloaded as an example (its
 * name, its summary, its text), a bar-chart view of results ({@code chart.js}) and Share links that open their query.
 */
final class QueryUi {
    /** One canned query as the editor offers it. */
    record Example(String name, String title, String query) {}

    private static final String WEBJAR = "META-INF/resources/webjars/zazuko__yasgui/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/zazuko__yasgui/pom.properties";

    private QueryUi() {}

    /** The page and its four assets, by path. */
    static Map<String, Representation> pages(List<Example> examples, String version) {
        String yasgui = WEBJAR + webjarVersion() + "/build/";
        Map<String, Representation> pages = new LinkedHashMap<>();
        pages.put("/ui", Representation.html(page(examples), version));
        pages.put("/ui/yasgui.min.js", Representation.of(resource(yasgui + "yasgui.min.js"), "text/javascript; charset=utf-8", webjarVersion() + "-js"));
        pages.put("/ui/yasgui.min.css", Representation.of(resource(yasgui + "yasgui.min.css"), "text/css; charset=utf-8", webjarVersion() + "-css"));
        pages.put("/ui/chart.js", Representation.of(resource("org/sanctionskg/site/chart.js"), "text/javascript; charset=utf-8", version + "-chart"));
        pages.put("/ui/ui.js", Representation.of(resource("org/sanctionskg/site/ui.js"), "text/javascript; charset=utf-8", version + "-ui"));
        return pages;
    }

    /** The canned queries of the catalogue (the folder {@code /queries} serves), by name. */
    static List<Example> examples(Catalogue catalogue) {
        return catalogue.all().stream().map(q -> new Example(q.name(), q.header().summary(), q.text())).toList();
    }

    private static String page(List<Example> examples) {
        StringBuilder buttons = new StringBuilder();
        JsonArrayBuilder json = Json.createArrayBuilder();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            buttons.append("<button type=\"button\" class=\"example\" data-index=\"").append(i).append("\" title=\"")
                    .append(Html.escape(e.title())).append("\">").append(Html.escape(e.name())).append("</button>\n");
            json.add(Json.createObjectBuilder().add("name", e.name()).add("title", e.title()).add("query", e.query()));
        }
        String body = "<link rel=\"stylesheet\" href=\"/ui/yasgui.min.css\">\n"
                + "<p>SPARQL against <a href=\"/sparql\"><code>/sparql</code></a> (read-only; the default graph is the union of all graphs). "
                + (examples.isEmpty() ? "No canned queries are installed." : "Canned queries, one click each (their parameters are left unbound here; "
                + "the <a href=\"/queries\">canned-query API</a> binds them):") + "</p>\n"
                + "<div class=\"examples\">\n" + buttons + "</div>\n<p id=\"example-description\"></p>\n"
                + "<p class=\"hint\" id=\"label-hint\">Labels are language-tagged: match a label as <code>\"Chen Quanguo\"@en</code>, or compare "
                + "<code>STR(?label)</code>; a plain <code>\"Chen Quanguo\"</code> matches nothing (<a href=\"/ontology\">ontology</a>). "
                + "<em>Share</em> (the icon beside the run button) gives a link that opens this query; <em>Chart</em> draws results with a number "
                + "column (<code>?count</code>) and a name column (<code>?label</code>) as bars.</p>\n<div id=\"yasgui\"></div>\n"
                + "<script type=\"application/json\" id=\"canned-queries\">" + scriptSafe(json.build().toString()) + "</script>\n"
                + "<script src=\"/ui/yasgui.min.js\"></script>\n<script src=\"/ui/chart.js\"></script>\n<script src=\"/ui/ui.js\"></script>\n";
        return Html.page("Query editor", body);
    }

    /** JSON inside a script element: no {@code <}, {@code >} or {@code &} left to end it early. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in = QueryUi.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) throw new IllegalStateException("the YASGUI WebJar is not on the class path");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = QueryUi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
