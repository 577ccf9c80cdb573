package org.sanctionskg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.sanctionskg.web.RequestException;
import org.sanctionskg.web.Responses;

/**
 * First on every request: takes a hold on one release (the live one, or the one {@code ?release=} pins) for the
 * whole request, names it in {@code X-Release}, and gives it back when the answer is sent. A pinned answer never
 * changes, so it is marked immutable.
 */
final class ReleaseFilter extends HttpFilter {
    /** The response header naming the release that answered. */
    static final String HEADER = "X-Release";
    /** The query parameter pinning a release. */
    static final String PARAM = "release";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final LiveReleases releases;

    ReleaseFilter(LiveReleases releases) {
        this.releases = releases;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        String pin = pinned(req);
        LiveReleases.Lease lease;
        try {
            lease = pin == null ? releases.lease() : releases.lease(pin);
        } catch (RequestException e) {
            Responses.error(res, e.status(), e.getMessage());
            return;
        }
        try (lease) {
            res.setHeader(HEADER, lease.release().id());
            HttpServletRequest request = pin == null ? req : new WithoutPin(req);
            HttpServletResponse response = pin == null ? res : new Immutable(res);
            lease.release().during(() -> chain.doFilter(request, response));
        }
    }

    /** The pinned id, from the query string only: a form body is the endpoint's to read. */
    private static String pinned(HttpServletRequest req) {
        String q = req.getQueryString();
        if (q == null || !q.contains(PARAM + "=")) return null;
        return req.getParameter(PARAM);
    }

    /** The request as the rest of the server sees it: without {@code release}, which only this filter reads. */
    private static final class WithoutPin extends HttpServletRequestWrapper {
        WithoutPin(HttpServletRequest req) {
            super(req);
        }

        @Override
        public String getParameter(String name) {
            return PARAM.equals(name) ? null : super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> params = new HashMap<>(super.getParameterMap());
            params.remove(PARAM);
            return Collections.unmodifiableMap(params);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return PARAM.equals(name) ? null : super.getParameterValues(name);
        }
    }

    /** Cache-Control of a pinned answer: immutable whatever the servlet said (Fuseki says no-store), but never for an error. */
    private static final class Immutable extends HttpServletResponseWrapper {
        Immutable(HttpServletResponse res) {
            super(res);
            super.setHeader("Cache-Control", IMMUTABLE);
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Cache-Control".equalsIgnoreCase(name)) cacheControl(getStatus());
            else super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Cache-Control".equalsIgnoreCase(name)) cacheControl(getStatus());
            else super.addHeader(name, value);
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            cacheControl(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            cacheControl(sc);
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        private void cacheControl(int status) {
            super.setHeader("Cache-Control", status >= 400 ? "no-store" : IMMUTABLE);
        }
    }
}
