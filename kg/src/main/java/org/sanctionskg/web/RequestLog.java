package org.sanctionskg.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request: method, path, status, milliseconds. */
public final class RequestLog extends HttpFilter {
    /** The logger name, so the CLI can keep it audible while the rest stays quiet. */
    public static final String LOGGER = "sanctions-kg.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(req, res);
        } finally {
            if (LOG.isInfoEnabled())
                LOG.info("{} {} {} {}ms", req.getMethod(), req.getRequestURI(), res.getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
