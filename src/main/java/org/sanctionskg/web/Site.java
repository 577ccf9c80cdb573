package org.sanctionskg.web;

import java.util.List;
import org.sanctionskg.Config;
import org.sanctionskg.query.QueryApi;
import org.sanctionskg.store.Store;

/** The features the site serves besides {@code /sparql}, in one list. */
public final class Site {
    private Site() {}

    public static List<WebFeature> features(Config config, Store store) {
        return List.of(QueryApi.create(config, store.dataset(), store.build().id()));
    }
}
