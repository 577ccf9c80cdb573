package org.sanctionskg.server;

import java.util.Optional;
import org.sanctionskg.Config;
import org.sanctionskg.endpoint.ExecutionPolicy;
import org.sanctionskg.endpoint.QueryWatchdog;
import org.sanctionskg.linkeddata.LinkedData;
import org.sanctionskg.linkeddata.VoidDocument;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.query.QueryApi;
import org.sanctionskg.site.SitePages;
import org.sanctionskg.store.Store;
import org.sanctionskg.web.FixedServlet;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.ReadOnlyServlet;

/**
 * The servlets that answer from one release, built once when it opens: their answer and render caches and their
 * ETags (which carry the build id) belong to that release alone.
 */
record ReleaseSite(LinkedData.Servlets linked, ReadOnlyServlet queries, ReadOnlyServlet examples, FixedServlet pages) {

    /** How a server turns an opened store into its site. */
    @FunctionalInterface
    interface Factory {
        ReleaseSite open(Store store);
    }

    static Factory factory(Config config, Catalogue catalogue, QueryWatchdog watchdog) {
        Paths paths = new Paths(config.base());
        return store -> {
            ExecutionPolicy.apply(store.dataset().getContext(), config);
            Optional<VoidDocument> description = LinkedData.description(store, config);
            QueryApi queries = QueryApi.create(catalogue, store.dataset(), store.build().id(), config.timeout(), paths, watchdog);
            return new ReleaseSite(LinkedData.servlets(config, store, description), queries.queries(), queries.examples(),
                    SitePages.servlet(config, store, description, catalogue));
        };
    }
}
