package org.sanctionskg.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.sanctionskg.rdf.Format;

/**
 * The site's one content-negotiation rule: {@code ?format=} (a {@link Format} name or a media type) overrides
 * {@code Accept}; no {@code Accept} means the first offer; a malformed {@code Accept} is a 400.
 */
public final class Negotiation {
    private Negotiation() {}

    /** The offer to send; empty when nothing offered fits (the caller answers 406 with {@link #notAcceptable}). */
    public static Optional<Format> choose(HttpServletRequest req, List<Format> offers) {
        String format = req.getParameter("format");
        if (format != null) return Format.named(format, offers);
        return byAccept(req.getHeader("Accept"), offers);
    }

    /** The offer {@code accept} prefers (the first offer when it is absent). */
    public static Optional<Format> byAccept(String accept, List<Format> offers) {
        if (accept == null || accept.isBlank()) return Optional.of(offers.get(0));
        MediaType match;
        try {
            match = AcceptList.match(new AcceptList(accept), AcceptList.create(offers.stream().map(Format::mediaType).toArray(String[]::new)));
        } catch (RuntimeException e) {
            throw new RequestException(400, "malformed Accept header");
        }
        return match == null ? Optional.empty() : offers.stream().filter(f -> f.mediaType().equals(match.getContentTypeStr())).findFirst();
    }

    /** The 406 for a request nothing offered fits. */
    public static RequestException notAcceptable(List<Format> offers) {
        return new RequestException(406, "available: " + Format.describe(offers));
    }
}
