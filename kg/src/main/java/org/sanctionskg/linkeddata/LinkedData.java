package org.sanctionskg.linkeddata;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.ReadOnlyServlet.Representation;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.Store;
import org.sanctionskg.store.StoreBuilder.BuildStep;
import org.sanctionskg.web.JsonLdContext;
import org.sanctionskg.web.WebFeature;

/** The linked-data publication: what a load writes for it, and the paths that serve it. */
public final class LinkedData {
    private LinkedData() {}

    /** The load steps, in order: the report texts, the dumps, then the description (it reads the dumps). */
    public static List<BuildStep> buildSteps(Config config) {
        return List.of(Published.copyArticles(config.dataDir()), new Dumps(config.base()), new DatasetDescription(config.base()));
    }

    /** The dataset description the store's build carries; empty for a store loaded without {@link #buildSteps}. */
    public static Optional<VoidDocument> description(Store store, Config config) {
        return Files.isRegularFile(Published.description(store.build()))
                ? Optional.of(VoidDocument.load(store.build(), config.base())) : Optional.empty();
    }

    /**
     * {@code /id/*}, {@code /ontology}, {@code /context.jsonld}, {@code /.well-known/void} and {@code /download/}.
     * A store loaded without the build steps still serves its resources and ontology; its description and
     * downloads answer 503, saying to load again.
     */
    public static WebFeature feature(Config config, Store store, Optional<VoidDocument> description) {
        String base = config.base();
        Build build = store.build();
        DatasetGraph dataset = store.dataset();
        String version = build.id();
        Optional<Ontology> ontology = Txn.calculateRead(dataset, () -> Ontology.find(dataset, base));
        JsonLdContext context = Ontology.context(ontology, base);
        ReadOnlyServlet resources = new ResourceServlet(dataset, base, version, ArticleTexts.load(build), context);
        ReadOnlyServlet ontologyDocs = new OntologyServlet(ontology, base, version, context);
        ReadOnlyServlet contextDoc = new FixedServlet(Map.of("/context.jsonld",
                Representation.of(context.documentBytes(), "application/ld+json", version + "-context")));
        ReadOnlyServlet datasetDoc = description.<ReadOnlyServlet>map(d -> Txn.calculateRead(dataset,
                () -> new DatasetServlet(d, new Labels(dataset.getUnionGraph(), base), version, context))).orElseGet(LinkedData::reload);
        ReadOnlyServlet downloads = description.isPresent() ? new DownloadServlet(build) : reload();
        return builder -> builder
                .addServlet("/id/*", resources)
                .addServlet("/ontology/*", ontologyDocs)
                .addServlet("/context.jsonld", contextDoc)
                .addServlet("/.well-known/void", datasetDoc)
                .addServlet("/download/*", downloads);
    }

    private static ReadOnlyServlet reload() {
        return new ReadOnlyServlet() {
            @Override
            protected void respond(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                text(res, jakarta.servlet.http.HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "503 Service Unavailable: this store was loaded without its dumps and description; run 'load' again");
            }
        };
    }
}
