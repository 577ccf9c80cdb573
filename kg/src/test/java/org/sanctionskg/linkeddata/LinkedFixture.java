package org.sanctionskg.linkeddata;

import com.apicatalog.jsonld.JsonLdOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.sanctionskg.Config;
import org.sanctionskg.testing.Fixtures;
import org.sanctionskg.testing.Servers;
import org.sanctionskg.testing.Stores;

/** The linked-data fixture ({@code src/test/resources/linked}) loaded the way {@code load} does, build steps included. */
public final class LinkedFixture {
    public static final String ID = Config.defaults().base() + "id/";

    private LinkedFixture() {}

    /** Copies the fixture under {@code tmp}, loads it into {@code tmp/store} and returns the configuration to serve it. */
    public static Config load(Path tmp) {
        Path root = Fixtures.copy("linked", tmp.resolve("sources"));
        Config config = Servers.config(root, tmp.resolve("store"));
        Stores.load(config);
        return config;
    }

    public static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).lang(lang).parse(g);
        return g;
    }

    /** Parses JSON-LD the way a client offline would: every remote document (a {@code @context} URL) is refused. */
    public static Graph parseJsonLd(String body) {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, opts) -> {
            throw new IllegalStateException("unexpected fetch of " + url + ": a document must carry its context");
        });
        Context cxt = new Context();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, options);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD11).context(cxt).parse(g);
        return g;
    }
}
