package org.sanctionskg.site;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.system.Txn;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.Labels;
import org.sanctionskg.linkeddata.VoidDocument;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.store.Store;
import org.sanctionskg.web.FixedServlet;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.ReadOnlyServlet.Representation;

/**
 * The pages for people, rendered once at start-up (the store is fixed for the server's life): the home page at
 * {@code /} (the exact root: Fuseki keeps the default mapping for its own 404) and the query editor at {@code /ui}.
 */
public final class SitePages {
    private SitePages() {}

    /** The one servlet of {@code /} and {@code /ui/*}. */
    public static FixedServlet servlet(Config config, Store store, Optional<VoidDocument> description, Catalogue catalogue) {
        String version = store.build().id();
        // The editor's examples come from the catalogue: its ETag changes when a .rq file does, not only with the store.
        String uiVersion = version + "-" + Integer.toHexString(catalogue.all().stream().mapToInt(q -> q.text().hashCode()).sum());
        Map<String, Representation> pages = new HashMap<>(QueryUi.pages(QueryUi.examples(catalogue), uiVersion));
        String home = Txn.calculateRead(store.dataset(), () -> HomePage.render(description,
                new SiteQueries(store.dataset()), new Labels(store.dataset().getUnionGraph(), config.base()), version, config.base()));
        pages.put(Paths.HOME, Representation.html(home, version));
        return new FixedServlet(pages);
    }

}
