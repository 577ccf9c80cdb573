package org.sanctionskg.web;

import java.util.List;
import java.util.Optional;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedData;
import org.sanctionskg.linkeddata.VoidDocument;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.query.QueryApi;
import org.sanctionskg.site.SitePages;
import org.sanctionskg.store.Store;

/** The features the site serves besides {@code /sparql}, in one list. */
public final class Site {
    private Site() {}

    /** Loads and checks every query of {@code config.queriesDir()}; a broken one is a {@code UserException} naming it. */
    public static List<WebFeature> features(Config config, Store store) {
        return features(config, store, Catalogue.load(config.queriesDir()));
    }

    public static List<WebFeature> features(Config config, Store store, Catalogue catalogue) {
        Optional<VoidDocument> description = LinkedData.description(store, config);
        return List.of(QueryApi.create(catalogue, store.dataset(), store.build().id(), config.timeout()),
                LinkedData.feature(config, store, description), SitePages.feature(config, store, description, catalogue));
    }
}
