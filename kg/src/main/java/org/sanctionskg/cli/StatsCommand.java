package org.sanctionskg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.sanctionskg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stats}: how big the store is and what it holds. */
@Command(name = "stats", description = "Triples, graphs and instances per class.")
final class StatsCommand implements Callable<Integer> {
    private static final String PER_CLASS = """
            SELECT ?class (COUNT(DISTINCT ?s) AS ?instances) { ?s a ?class } GROUP BY ?class ORDER BY DESC(?instances) ?class""";

    @Mixin StoreOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = Store.open(options.config().storeDir())) {
            DatasetGraph dsg = store.dataset();
            Txn.executeRead(dsg, () -> {
                out.printf("build   %s%n", store.build().id());
                out.printf("triples %,d (in named graphs, entailments included)%n", dsg.getUnionGraph().size() == 0 ? 0 : countQuads(dsg));
                out.println("graphs");
                dsg.listGraphNodes().forEachRemaining(g -> out.printf("  %,9d  %s%n", dsg.getGraph(g).size(), g.getURI()));
                out.println("instances per class");
                QueryExec.dataset(dsg).query(PER_CLASS).select().forEachRemaining(row ->
                        out.printf("  %,9d  %s%n", ((Number) row.get("instances").getLiteralValue()).longValue(), row.get("class").getURI()));
            });
        }
        return 0;
    }

    private static long countQuads(DatasetGraph dsg) {
        long n = 0;
        var it = dsg.find();
        while (it.hasNext()) { it.next(); n++; }
        return n;
    }
}
