package org.sanctionskg.server;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.sanctionskg.Config;
import org.sanctionskg.linkeddata.LinkedData;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.query.QueryApi;
import org.sanctionskg.rdf.GraphNames;
import org.sanctionskg.rdf.Source;
import org.sanctionskg.release.Releases;
import org.sanctionskg.store.Build;
import org.sanctionskg.store.StoreBuilder;
import org.sanctionskg.store.StoreBuilder.BuildStep;

/** The one way a store is built, by the CLI, the server and the tests alike, so that all publish the same thing. */
public final class Publisher {
    private Publisher() {}

    /** A builder of the store {@code config} names: its sources and the sparql-examples, then the linked-data build steps. */
    public static StoreBuilder builder(Config config, PrintWriter progress) {
        List<BuildStep> steps = new ArrayList<>(LinkedData.buildSteps(config));
        steps.add(Releases.buildStep(config)); // last: the release record reads what the others wrote
        return new StoreBuilder(config.sourceFolders(), config.storeDir(), progress, steps)
                .withSources(examples(config))
                .keepReleases(config.keepReleases())
                .onTerminal(System.console() != null); // the CLI on a terminal: one rewritten progress line
    }

    /** The canned queries as sparql-examples, in their own named graph so that {@code /sparql} can query them; none without queries. */
    private static List<Source> examples(Config config) {
        Graph examples = QueryApi.examples(Catalogue.load(config.queriesDir()), config.base());
        return examples.isEmpty() ? List.of() : List.of(new Source(config.queriesDir(), GraphNames.EXAMPLES, examples));
    }

    /** Loads a new build and switches the store to it. */
    public static Build load(Config config, PrintWriter progress) {
        return builder(config, progress).load();
    }
}
