package org.sanctionskg.linkeddata;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.sanctionskg.web.ReadOnlyServlet.Representation;

/**
 * Rendered representations, kept for the life of the server: the store does not change under a running server,
 * so a page is rendered once. Only representations of existing resources are kept (their number is bounded by the
 * data), and never more than {@code capacity} of them; past that, pages are rendered on each request.
 */
final class RenderCache {
    private final Map<String, Representation> entries = new ConcurrentHashMap<>();
    private final int capacity;

    RenderCache(int capacity) {
        this.capacity = capacity;
    }

    Representation get(String key, Supplier<Representation> render) {
        Representation r = entries.get(key);
        if (r != null) return r;
        r = render.get();
        if (entries.size() < capacity) entries.putIfAbsent(key, r);
        return r;
    }
}
