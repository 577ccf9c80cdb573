package org.sanctionskg.site;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order within one day, from after/before facts and times of day, on events made up for each case. */
class DayOrderTest {
    static final Node A = event("a"), B = event("b"), C = event("c"), D = event("d");

    @Test
    void eventsAfterTheSameEventShareTheNextRank() {
        DayOrder order = new DayOrder(day(A, null, B, null, C, null), List.of(before(A, B), before(A, C)));
        assertEquals(List.of(1, 2, 2), List.of(order.rank(A), order.rank(B), order.rank(C)));
        assertEquals(java.util.Set.of(A), order.after(B));
    }

    @Test
    void earlyComesBeforeMiddayAndAChainOfFactsAddsUp() {
        DayOrder order = new DayOrder(day(A, "midday", B, "early", C, null), List.of(before(A, C)));
        assertEquals(List.of(1, 2, 3), List.of(order.rank(B), order.rank(A), order.rank(C)), "early, then midday, then after the midday event");
    }

    @Test
    void anEventNoFactPlacesHasNoRankAndFactsFromOtherDaysDoNotCount() {
        DayOrder order = new DayOrder(day(A, null, B, null), List.of(before(D, A)));
        assertNull(order.rank(A));
        assertNull(order.rank(B));
    }

    @Test
    void contradictoryFactsStillRankEveryEventTheyPlace() {
        DayOrder order = new DayOrder(day(A, null, B, null), List.of(before(A, B), before(B, A)));
        assertTrue(order.rank(A) != null && order.rank(B) != null);
    }

    @Test
    void anUnknownTimeOfDayOrdersNothing() {
        DayOrder order = new DayOrder(day(A, "teatime", B, "early"), List.of());
        assertNull(order.rank(A));
        assertEquals(1, order.rank(B));
    }

    private static Node event(String name) {
        return NodeFactory.createURI("https://example.org/" + name);
    }

    private static SiteQueries.Before before(Node earlier, Node later) {
        return new SiteQueries.Before(earlier, later);
    }

    /** Pairs of (event, time of day) on one day. */
    private static List<SiteQueries.Dated> day(Object... pairs) {
        List<SiteQueries.Dated> day = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) day.add(new SiteQueries.Dated((Node) pairs[i], "2021-03-22", (String) pairs[i + 1]));
        return day;
    }
}
