package org.sanctionskg.server;

import java.net.BindException;
import java.time.Duration;
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
import org.sanctionskg.endpoint.FairShare;
import org.sanctionskg.endpoint.GuardedQuery;
import org.sanctionskg.endpoint.PredeclaredPrefixes;
import org.sanctionskg.endpoint.QueryBudget;
import org.sanctionskg.endpoint.QueryWatchdog;
import org.sanctionskg.endpoint.ServiceDescription;
import org.sanctionskg.endpoint.TimeoutGuard;
import org.sanctionskg.query.Catalogue;
import org.sanctionskg.rdf.Namespaces;
import org.sanctionskg.release.Releases;
import org.sanctionskg.web.Causes;
import org.sanctionskg.web.CorsFilter;
import org.sanctionskg.web.Paths;
import org.sanctionskg.web.PlainErrors;
import org.sanctionskg.web.RequestGuard;
import org.sanctionskg.web.RequestLog;
import org.sanctionskg.web.ResultDigest;
import org.sanctionskg.web.SecurityHeaders;

/** The running server, assembled in one place: every route and filter, top to bottom, on one embedded Fuseki. */
public final class KgServer {
    private KgServer() {}

    /**
     * Builds (but does not start) the server for the store {@code releases} follows, as {@code config} says;
     * {@code catalogue} is already checked. Every request holds one release from first filter to last byte.
     */
    public static FusekiServer build(Config config, LiveReleases releases, Catalogue catalogue) {
        Paths paths = new Paths(config.base());
        QueryWatchdog watchdog = new QueryWatchdog(Duration.ofSeconds(5)); // stops /sparql and canned answers alike
        releases.start(ReleaseSite.factory(config, catalogue, watchdog));
        DatasetGraph dataset = releases.dataset();
        FairShare fairShare = new FairShare(config.limits()); // one account per client for /sparql and canned answers
        PredeclaredPrefixes prefixes = new PredeclaredPrefixes(Namespaces.prefixes(config.base()));
        ResultDigest digest = new ResultDigest(config.heldResultBytes()); // the memory the endpoint already holds per answer
        return withJettyPolicies(FusekiServer.create()
                .port(config.port())
                .loopback(config.loopbackOnly())
                .addFilter("/*", new ReleaseFilter(releases))
                .addFilter("/*", new SecurityHeaders())
                .addFilter("/*", new CorsFilter())
                .addFilter("/*", new RequestGuard(config.limits().bodyBytes()))
                .addFilter(Paths.SPARQL, new ServiceDescription(dataset, paths.iri(Paths.SPARQL), prefixes))
                .addFilter(Paths.SPARQL, digest)
                .addFilter(Paths.SPARQL, new QueryBudget(config.limits()))
                .addFilter(Paths.SPARQL, fairShare)
                .addFilter(Paths.SPARQL, new TimeoutGuard(config.timeout(), config.heldResultBytes()))
                .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery,
                        new GuardedQuery(watchdog, config.timeout(), config.limits().resultRows(), prefixes))
                .add(Paths.SPARQL, DataService.newBuilder(dataset).addEndpoint(Operation.Query, "").build())
                .addServlet("", new ReleaseServlet(ReleaseSite::pages)) // the exact root only: Fuseki keeps the default mapping for its own 404
                .addServlet(Paths.under(Paths.UI), new ReleaseServlet(ReleaseSite::pages))
                .addFilter(Paths.under(Paths.QUERIES), digest)
                .addFilter(Paths.under(Paths.QUERIES), fairShare)
                .addServlet(Paths.under(Paths.QUERIES), new ReleaseServlet(ReleaseSite::queries))
                .addServlet(Paths.EXAMPLES, new ReleaseServlet(ReleaseSite::examples))
                .addServlet(Paths.under(Paths.ID), new ReleaseServlet(site -> site.linked().resources()))
                .addServlet(Paths.under(Paths.ONTOLOGY), new ReleaseServlet(site -> site.linked().ontology()))
                .addServlet(Paths.CONTEXT, new ReleaseServlet(site -> site.linked().context()))
                .addServlet(Paths.VOID, new ReleaseServlet(site -> site.linked().dataset()))
                .addServlet(Paths.under(Paths.DOWNLOAD), new ReleaseServlet(site -> site.linked().downloads()))
                .addServlet(Paths.SHAPES, new ReleaseServlet(site -> site.linked().shapes()))
                .addServlet(Paths.under(Paths.GRAPH), new ReleaseServlet(site -> site.linked().graphs()))
                .addServlet(Paths.under(Paths.RELEASES), Releases.servlet(config))
                .addServlet(Paths.HEALTH, new HealthServlet(releases))
                .build(), watchdog, releases);
    }

    /** What Fuseki's builder cannot set: Jetty's error pages, request log and graceful stop, and the watchdog's end. */
    private static FusekiServer withJettyPolicies(FusekiServer server, QueryWatchdog watchdog, LiveReleases releases) {
        PlainErrors errors = new PlainErrors(); // else Jetty's own HTML pages answer what it refuses
        server.getJettyServer().setErrorHandler(errors);
        server.getJettyServer().setRequestLog(new RequestLog()); // every request, refused by Jetty or not, once
        server.getJettyServer().setHandler(new GracefulHandler(server.getJettyServer().getHandler())); // see drainOnStop
        server.getJettyServer().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                watchdog.close();
                releases.close();
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
