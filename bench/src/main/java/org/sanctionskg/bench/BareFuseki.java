package org.sanctionskg.bench;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A bare embedded Fuseki on a TDB2 database, read-only, union default graph, nothing else: our server without its
 * hardening (timeout guard, SERVICE policy, CORS, request log, canned queries). The bench runs it as a third
 * contender, {@code java -cp sanctions-kg-bench.jar org.sanctionskg.bench.BareFuseki DIR PORT}, so that the cost of the
 * hardening shows apart from whatever the stock server's extra modules cost.
 */
public final class BareFuseki {
    private BareFuseki() {}

    public static void main(String[] args) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[0]);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer.create().port(Integer.parseInt(args[1])).loopback(true).add("/ds", dsg, false).build().start().join();
    }
}
