package org.sanctionskg.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;

/** One route of the site, answered by that route's servlet of the release the request holds. */
final class ReleaseServlet extends HttpServlet {
    private final transient Function<ReleaseSite, HttpServlet> route;

    ReleaseServlet(Function<ReleaseSite, HttpServlet> route) {
        this.route = route;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        route.apply(Release.leased().site()).service(req, res);
    }
}
