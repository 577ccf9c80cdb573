package org.sanctionskg.site;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * The order of the events of one day, from the graph's own ordering facts: {@code skg:after} / {@code skg:before}
 * between two of them, and their {@code skg:timeOfDay} ("early" before "midday"). An event's rank is the length of
 * the longest chain of such facts that ends at it, so events that no fact separates share a rank; an event that
 * no fact places at all has no rank.
 */
final class DayOrder {
    /** The report's words for times of day, earliest first; a word not listed here orders nothing. */
    static final List<String> TIMES_OF_DAY = List.of("early", "morning", "late morning", "midday", "noon", "afternoon",
            "late afternoon", "evening", "night", "late");

    private final Map<Node, Set<Node>> earlier = new HashMap<>();
    private final Map<Node, Set<Node>> stated = new HashMap<>();
    private final Map<Node, Integer> ranks = new HashMap<>();

    /** {@code day}: the events of one day; {@code order}: any stated orders (those between two events of the day count). */
    DayOrder(List<SiteQueries.Dated> day, List<SiteQueries.Before> order) {
        Set<Node> events = new HashSet<>();
        day.forEach(e -> events.add(e.event()));
        for (SiteQueries.Before b : order)
            if (events.contains(b.earlier()) && events.contains(b.later()) && !b.earlier().equals(b.later())) {
                precedes(b.earlier(), b.later());
                stated.computeIfAbsent(b.later(), k -> new HashSet<>()).add(b.earlier());
            }
        for (SiteQueries.Dated a : day) {
            if (slot(a.timeOfDay()) >= 0) earlier.computeIfAbsent(a.event(), k -> new HashSet<>());
            for (SiteQueries.Dated b : day)
                if (slot(a.timeOfDay()) >= 0 && slot(b.timeOfDay()) > slot(a.timeOfDay())) precedes(a.event(), b.event());
        }
        for (SiteQueries.Dated e : day)
            if (earlier.containsKey(e.event())) rank(e.event(), new LinkedHashSet<>());
    }

    /** 1 for the first events of the day, 2 for those after them, …; null when no fact places the event. */
    Integer rank(Node event) {
        return ranks.get(event);
    }

    /** The events of the day that a fact says {@code event} came after (directly or through the entailed closure). */
    Set<Node> after(Node event) {
        return stated.getOrDefault(event, Set.of());
    }

    private void precedes(Node first, Node then) {
        earlier.computeIfAbsent(first, k -> new HashSet<>());
        earlier.computeIfAbsent(then, k -> new HashSet<>()).add(first);
    }

    /** Longest chain ending at {@code event}; a cycle (contradictory facts) is cut where it closes. */
    private int rank(Node event, Set<Node> path) {
        Integer known = ranks.get(event);
        if (known != null) return known;
        path.add(event);
        int rank = 1;
        for (Node before : earlier.get(event))
            if (!path.contains(before)) rank = Math.max(rank, rank(before, path) + 1);
        path.remove(event);
        ranks.put(event, rank);
        return rank;
    }

    static int slot(String timeOfDay) {
        return timeOfDay == null ? -1 : TIMES_OF_DAY.indexOf(timeOfDay.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
