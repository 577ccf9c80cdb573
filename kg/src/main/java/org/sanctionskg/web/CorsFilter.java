package org.sanctionskg.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** CORS for a public read-only service: any origin, no credentials, GET/POST/HEAD only. */
public final class CorsFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req.getHeader("Origin") != null) {
            res.setHeader("Access-Control-Allow-Origin", "*");
            res.setHeader("Access-Control-Expose-Headers", "ETag, Content-Location, Link, X-Result-Complete, X-Result-Limit, X-Result-Truncated, Retry-After");
        }
        if ("OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null) {
            res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
            res.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type, If-None-Match");
            res.setHeader("Access-Control-Max-Age", "86400");
            res.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(req, res);
    }
}
