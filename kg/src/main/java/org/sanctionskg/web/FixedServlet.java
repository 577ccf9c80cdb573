package org.sanctionskg.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Serves representations fixed when the server starts, each at one exact path (servlet path plus path info, as
 * the container decoded it); every other path is a 404. Nothing is read from the file system per request.
 */
public final class FixedServlet extends ReadOnlyServlet {
    private final Map<String, Representation> byPath;

    public FixedServlet(Map<String, Representation> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Representation r = byPath.get(path);
        if (r == null) throw new RequestException(HttpServletResponse.SC_NOT_FOUND, "no such page");
        send(req, res, r);
    }
}
