package org.sanctionskg.server;

import java.util.function.Supplier;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;

/**
 * The dataset Fuseki's {@code /sparql} is bound to: every call goes to the release the current request holds, so one
 * request reads one release however the live one changes meanwhile. Its context (union default graph, execution
 * policy) is that release's, and its queries run on that release's own engine (TDB2's), not ARQ's general one.
 */
final class LeasedDataset extends DatasetGraphWrapper {
    static {
        QueryEngineRegistry.addFactory(new Engine()); // first in the registry: TDB2's factory would not know this wrapper
    }

    private final Supplier<Release> outsideRequests;

    /** {@code outsideRequests} answers for calls made outside a request (Fuseki looking at the dataset as it starts). */
    LeasedDataset(Supplier<Release> outsideRequests) {
        super(null, null);
        this.outsideRequests = outsideRequests;
    }

    @Override
    protected DatasetGraph get() {
        Release leased = Release.leased();
        return (leased != null ? leased : outsideRequests.get()).store().dataset();
    }

    @Override
    public Context getContext() {
        return get().getContext();
    }

    /** Plans a query on the leased release with the engine that release's dataset would get by itself. */
    private static final class Engine implements QueryEngineFactory {
        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return dataset instanceof LeasedDataset;
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            DatasetGraph release = ((LeasedDataset) dataset).get();
            return QueryEngineRegistry.findFactory(query, release, context).create(query, release, input, context);
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return dataset instanceof LeasedDataset;
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            DatasetGraph release = ((LeasedDataset) dataset).get();
            return QueryEngineRegistry.findFactory(op, release, context).create(op, release, input, context);
        }
    }
}
