package org.sanctionskg.linkeddata;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
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
import org.sanctionskg.testing.Http;
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

    /**
     * Parses JSON-LD whose {@code @context} is a public IRI the way a client on the web would: the public namespace
     * is resolved against {@code server} (as the w3id redirect would), nothing else may be fetched.
     */
    public static Graph parseJsonLd(String body, URI server) {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, opts) -> {
            if (!url.toString().startsWith(Config.defaults().base())) throw new IllegalStateException("unexpected fetch of " + url);
            try {
                String local = Http.get(server.resolve(url.toString().substring(Config.defaults().base().length())), "application/ld+json").body();
                return JsonDocument.of(new StringReader(local));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Context cxt = new Context();
        cxt.set(LangJSONLD11.JSONLD_OPTIONS, options);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD11).context(cxt).parse(g);
        return g;
    }
}
