package org.sanctionskg.server;

import java.net.BindException;
import java.time.Duration;
import java.util.Optional;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.sanctionskg.Config;
import org.sanctionskg.UserException;
import org.sanctionskg.endpoint.ExecutionPolicy;
import org.sanctionskg.endpoint.FairShare;
import org.sanctionskg.endpoint.GuardedQuery;
import org.sanctionskg.endpoint.PredeclaredPrefixes;
import org.sanctionskg.endpoint.QueryBudget;
import org.sanctionskg.endpoint.QueryWatchdog;
import org.sanctionskg.endpoint.ServiceDescription;
import org.sanctionskg.endpoint.TimeoutGuard;
import org.sanctionskg.linkeddata.LinkedData;
import org.sanctionskg.linkeddata.VoidDocument;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.query.QueryApi;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.release.Releases;
import org.sanctionskg.site.SitePages;
import org.sanctionskg.store.Store;
import org.sanctionskg.web.Causes;
import org.sanctionskg.web.CorsFilter;
import org.sanctionskg.web.FixedServlet;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.PlainErrors;
import org.sanctionskg.web.RequestGuard;
import org.sanctionskg.web.RequestLog;
import org.sanctionskg.web.SecurityHeaders;

/** The running server, assembled in one place: every route and filter, top to bottom, on one embedded Fuseki. */
public final class KgServer {
    private KgServer() {}

    /** Builds (but does not start) the server for {@code store} as {@code config} says; {@code catalogue} is already checked. */
    public static FusekiServer build(Config config, Store store, Catalogue catalogue) {
        DatasetGraph dataset = store.dataset();
        ExecutionPolicy.apply(dataset.getContext(), config);
        Paths paths = new Paths(config.base());
        Optional<VoidDocument> description = LinkedData.description(store, config);
        LinkedData.Servlets linked = LinkedData.servlets(config, store, description);
        QueryWatchdog watchdog = new QueryWatchdog(Duration.ofSeconds(5)); // stops /sparql and canned answers alike
        QueryApi queries = QueryApi.create(catalogue, dataset, store.build().id(), config.timeout(), paths, watchdog);
        FixedServlet pages = SitePages.servlet(config, store, description, catalogue);
        FairShare fairShare = new FairShare(config.limits()); // one account per client for /sparql and canned answers
        PredeclaredPrefixes prefixes = new PredeclaredPrefixes(Namespaces.prefixes(config.base()));
        return withJettyPolicies(FusekiServer.create()
                .port(config.port())
                .loopback(config.loopbackOnly())
                .addFilter("/*", new SecurityHeaders())
                .addFilter("/*", new CorsFilter())
                .addFilter("/*", new RequestGuard(config.limits().bodyBytes()))
                .addFilter(Paths.SPARQL, new ServiceDescription(dataset, paths.iri(Paths.SPARQL), prefixes))
                .addFilter(Paths.SPARQL, new QueryBudget(config.limits()))
                .addFilter(Paths.SPARQL, fairShare)
                .addFilter(Paths.SPARQL, new TimeoutGuard(config.timeout(), config.heldResultBytes()))
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery,
                        new GuardedQuery(watchdog, config.timeout(), config.limits().resultRows(), prefixes))
                .add(Paths.SPARQL, DataService.newBuilder(dataset).addEndpoint(Operation.Query, "").build())
                .addServlet("", pages) // the exact root only: Fuseki keeps the default mapping for its own 404
                .addServlet(Paths.under(Paths.UI), pages)
                .addFilter(Paths.under(Paths.QUERIES), fairShare)
                .addServlet(Paths.under(Paths.QUERIES), queries.queries())
                .addServlet(Paths.EXAMPLES, queries.examples())
                .addServlet(Paths.under(Paths.ID), linked.resources())
                .addServlet(Paths.under(Paths.ONTOLOGY), linked.ontology())
                .addServlet(Paths.CONTEXT, linked.context())
                .addServlet(Paths.VOID, linked.dataset())
                .addServlet(Paths.under(Paths.DOWNLOAD), linked.downloads())
                .addServlet(Paths.SHAPES, linked.shapes())
                .addServlet(Paths.under(Paths.GRAPH), linked.graphs())
                .addServlet(Paths.under(Paths.RELEASES), Releases.servlet(config))
                .build(), watchdog);
    }

    /** What Fuseki's builder cannot set: Jetty's error pages, request log and graceful stop, and the watchdog's end. */
    private static FusekiServer withJettyPolicies(FusekiServer server, QueryWatchdog watchdog) {
        PlainErrors errors = new PlainErrors(); // else Jetty's own HTML pages answer what it refuses
        server.getJettyServer().setErrorHandler(errors);
        server.getJettyServer().setRequestLog(new RequestLog()); // every request, refused by Jetty or not, once
        server.getJettyServer().setHandler(new GracefulHandler(server.getJettyServer().getHandler())); // see drainOnStop
        server.getJettyServer().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                watchdog.close();
            }
        });
        ServletContextHandler.getServletContextHandler(server.getServletContext()).setErrorHandler(errors);
        return server;
    }

    /**
     * On stop (SIGTERM), stop accepting and let requests in flight finish for up to {@code drain}, then exit. Off by
     * default: Jetty then waits on every stop, and a test starts and stops hundreds of servers.
     */
    public static FusekiServer drainOnStop(FusekiServer server, Duration drain) {
        server.getJettyServer().setStopTimeout(drain.toMillis());
        return server;
    }

    /** Starts the server, turning a busy port into a one-line user error. */
    public static FusekiServer start(FusekiServer server, int port) {
        try {
            return server.start();
        } catch (RuntimeException e) {
            if (Causes.inChain(e, BindException.class)) throw new UserException("port " + port + " is already in use");
            throw e;
        }
    }
}
