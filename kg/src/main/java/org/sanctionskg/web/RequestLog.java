package org.sanctionskg.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request: method, path, status, milliseconds. It is Jetty's request log, not a filter, so that
 * requests refused before any filter runs (a bad {@code %} escape, headers too large) are logged too, with the
 * status they really got.
 */
public final class RequestLog implements org.eclipse.jetty.server.RequestLog {
    /** The logger name, so the CLI can keep it audible while the rest stays quiet. */
    public static final String LOGGER = "sanctions-kg.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isInfoEnabled()) return;
        String path = request.getHttpURI() == null ? "?" : request.getHttpURI().getPath();
        LOG.info("{} {} {} {}ms", request.getMethod(), path, response.getStatus(), // a request line holds no line break
                (System.nanoTime() - request.getBeginNanoTime()) / 1_000_000);
    }
}
