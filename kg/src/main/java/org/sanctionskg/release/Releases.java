package org.sanctionskg.release;

import java.util.List;
import java.util.Optional;
import org.sanctionskg.Config;
import org.sanctionskg.store.StoreBuilder.BuildStep;
import org.sanctionskg.store.StoreLayout;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.ReadOnlyServlet;

/**
 * Releases: every load of a store is one, named by its build id. What a load records for it, the kept releases
 * of a store, and {@code /releases}.
 */
public final class Releases {
    private Releases() {}

    /** The load step that writes a build's release record (content hash, changelog). */
    public static BuildStep buildStep(Config config) {
        return new ReleaseRecord(new StoreLayout(config.storeDir()), config.base());
    }

    /** The kept releases of {@code store}, live first; each still downloadable, queryable while its TDB2 is kept. */
    public static List<Release> list(StoreLayout store) {
        return store.releases().stream().map(Release::of).toList();
    }

    /** The kept release {@code id}, if it is one. */
    public static Optional<Release> find(StoreLayout store, String id) {
        return store.release(id).map(Release::of);
    }

    /** {@code /releases} and everything under it, read from the store on each request (a load may add one). */
    public static ReadOnlyServlet servlet(Config config) {
        return new ReleasesServlet(new StoreLayout(config.storeDir()), new Paths(config.base()));
    }

    /** The server path of release {@code id}. */
    static String path(String id) {
        return Paths.RELEASES + "/" + id;
    }

    /** The public IRI of release {@code id}. */
    static String iri(Paths paths, String id) {
        return paths.iri(path(id));
    }

    /** The stable public URL of one of release {@code id}'s files. */
    static String download(Paths paths, String id, String file) {
        return paths.iri(path(id) + "/download/" + file);
    }
}
