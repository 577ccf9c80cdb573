package org.sanctionskg.release;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.sanctionskg.linkeddata.DownloadServlet;
import org.sanctionskg.linkeddata.Published;
import org.sanctionskg.rdf.Format;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.RdfNegotiation;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;

/**
 * {@code /releases} (every kept release), {@code /releases/{id}} (one, with its dumps, checksums and changelog),
 * each as HTML, JSON or DCAT in any RDF syntax, and {@code /releases/{id}/download/{file}}: a kept release's dumps
 * at a stable URL, whether its database is kept or not. Only the files {@link Published} names are served.
 */
final class ReleasesServlet extends ReadOnlyServlet {
    private static final List<Format> OFFERS = offers();
    private final StoreLayout store;
    private final Paths paths;

    ReleasesServlet(StoreLayout store, Paths paths) {
        this.store = store;
        this.paths = paths;
    }

    private static List<Format> offers() {
        List<Format> all = new ArrayList<>(List.of(Format.HTML, Format.JSON_DOCUMENT));
        all.addAll(RdfNegotiation.RDF);
        return List.copyOf(all);
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo();
        List<Release> releases = Releases.list(store);
        if (releases.isEmpty()) throw new RequestException(503, "this store has no release yet; run 'load'");
        String live = releases.get(0).id();
        if (path == null || path.equals("/")) {
            negotiate(req, res, OFFERS, type -> render(type, live + "-releases", () -> ReleasePages.list(releases, paths),
                    () -> listJson(releases), () -> ReleaseDcat.of(releases, paths)));
            return;
        }
        String[] parts = path.substring(1).split("/", -1);
        Release release = releases.stream().filter(r -> r.id().equals(parts[0])).findFirst()
                .orElseThrow(() -> new RequestException(404, "no such release is kept here; see " + Paths.RELEASES));
        if (parts.length == 1) {
            negotiate(req, res, OFFERS, type -> render(type, release.id() + "-release", () -> ReleasePages.one(release, paths),
                    () -> json(release), () -> ReleaseDcat.of(List.of(release), paths)));
        } else if (parts.length == 3 && parts[1].equals("download")) {
            download(req, res, release.id(), parts[2]);
        } else {
            throw new RequestException(404, "no such page of a release");
        }
    }

    /** The representation of one page in {@code type}; only the one asked for is built. */
    private static Representation render(Format type, String version, Supplier<String> html, Supplier<JsonObject> json, Supplier<Graph> dcat) {
        if (type == Format.HTML) return Representation.html(html.get(), version);
        if (type == Format.JSON_DOCUMENT)
            return Representation.of(JSON.toString(json.get()).getBytes(StandardCharsets.UTF_8), type.contentType(), version + "-json");
        return RdfNegotiation.representation(dcat.get(), type, null, null, version);
    }

    private void download(HttpServletRequest req, HttpServletResponse res, String id, String name) throws IOException {
        Build build = store.release(id).orElseThrow(() -> new RequestException(404, "no such release is kept here"));
        DownloadServlet.stream(req, res, build, name); // a release's files never change: its ETag names it
    }

    private JsonObject listJson(List<Release> releases) {
        JsonObject o = new JsonObject();
        o.put("live", releases.get(0).id());
        JsonArray list = new JsonArray();
        releases.forEach(r -> list.add(json(r)));
        o.put("releases", list);
        return o;
    }

    private JsonObject json(Release r) {
        JsonObject o = new JsonObject();
        o.put("id", r.id());
        o.put("url", Releases.iri(paths, r.id()));
        o.put("issued", r.issued().toString());
        o.put("ontologyVersion", r.ontologyVersion());
        o.put("contentHash", r.contentHash());
        o.put("sources", r.sources());
        o.put("triples", r.triples());
        r.previous().ifPresent(p -> o.put("previous", p));
        o.put("queryable", r.queryable());
        JsonArray dumps = new JsonArray();
        for (Release.Dump d : r.dumps()) {
            JsonObject j = new JsonObject();
            j.put("file", d.dump().file());
            j.put("url", Releases.download(paths, r.id(), d.dump().file()));
            j.put("mediaType", d.dump().mediaType());
            j.put("bytes", d.bytes());
            j.put("sha256", d.sha256());
            dumps.add(j);
        }
        o.put("dumps", dumps);
        r.changelog().ifPresent(c -> o.put("changelog", c.toJson()));
        return o;
    }
}
