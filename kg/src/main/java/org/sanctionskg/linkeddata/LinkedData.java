package org.sanctionskg.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.sanctionskg.Config;
import org.sanctionskg.rdf.JsonLdContext;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.Store;
import org.sanctionskg.store.StoreBuilder.BuildStep;
import org.sanctionskg.web.FixedServlet;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.ReadOnlyServlet.Representation;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.RequestException;

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
     * The servlets of {@code /id/*}, {@code /ontology}, {@code /context.jsonld}, {@code /.well-known/void},
     * {@code /download/}, {@code /shapes} and {@code /graph/*}. A store loaded without the build steps still serves
     * its resources and ontology; its description and downloads answer 503, saying to load again.
     */
    public static Servlets servlets(Config config, Store store, Optional<VoidDocument> description) {
        String base = config.base();
        Build build = store.build();
        DatasetGraph dataset = store.dataset();
        String version = build.id();
        Optional<Ontology> ontology = Txn.calculateRead(dataset, () -> Ontology.find(dataset, base));
        JsonLdContext context = Ontology.context(ontology, base);
        ArticleTexts texts = ArticleTexts.load(build);
        return new Servlets(
                new ResourceServlet(dataset, base, version, texts, context),
                new OntologyServlet(ontology, base, version, context),
                new FixedServlet(Map.of(Paths.CONTEXT, Representation.of(context.documentBytes(), "application/ld+json", version + "-context"))),
                description.<ReadOnlyServlet>map(d -> Txn.calculateRead(dataset,
                        () -> new DatasetServlet(d, new Labels(dataset.getUnionGraph(), base), version, context, base))).orElseGet(LinkedData::reload),
                description.isPresent() ? new DownloadServlet(build, base) : reload(),
                Txn.calculateRead(dataset, () -> new ShapesServlet(dataset, base, version, context)),
                new GraphServlet(dataset, base, version, texts, context));
    }

    /** What the linked-data publication serves, one servlet per route. */
    public record Servlets(ReadOnlyServlet resources, ReadOnlyServlet ontology, ReadOnlyServlet context,
                           ReadOnlyServlet dataset, ReadOnlyServlet downloads, ReadOnlyServlet shapes, ReadOnlyServlet graphs) {}

    private static ReadOnlyServlet reload() {
        return new ReadOnlyServlet() {
            @Override
            protected void respond(HttpServletRequest req, HttpServletResponse res) {
                throw new RequestException(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "this store was loaded without its dumps and description; run 'load' again");
            }
        };
    }
}
