package org.sanctionskg.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;

/** Validators for answers that change only with a new load: one ETag rule and one cache policy for the whole site. */
public final class ConditionalGet {
    /** Answers are fixed per build; a short max-age keeps a new load visible within minutes. */
    public static final String CACHE_CONTROL = "public, max-age=300";

    private ConditionalGet() {}

    /** Sets ETag and Cache-Control; answers 304 and returns true when {@code If-None-Match} names this ETag (or is *). */
    public static boolean notModified(HttpServletRequest req, HttpServletResponse res, String etag) {
        res.setHeader("ETag", etag);
        res.setHeader("Cache-Control", CACHE_CONTROL);
        if (!matches(req.getHeader("If-None-Match"), etag)) return false;
        res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
    }

    /** Weak comparison (RFC 9110 §13.1.2): {@code W/"x"} matches {@code "x"}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip).map(t -> t.replaceFirst("^W/", ""))
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
}
