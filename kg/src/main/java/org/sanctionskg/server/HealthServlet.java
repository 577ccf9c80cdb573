package org.sanctionskg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sanctionskg.web.ReadOnlyServlet;
import org.sanctionskg.web.Responses;

/** {@code /health}: 200 and the live release id while this replica serves; for load balancers and the roll script. */
final class HealthServlet extends ReadOnlyServlet {
    private final LiveReleases releases;

    HealthServlet(LiveReleases releases) {
        this.releases = releases;
    }

    @Override
    protected void respond(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Cache-Control", "no-store");
        Responses.send(res, HttpServletResponse.SC_OK, "text/plain; charset=utf-8", releases.liveId() + "\n");
    }
}
