package org.sanctionskg.site;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanctionskg.linkeddata.Labels;
import org.sanctionskg.web.Html;

/**
 * The timeline of dated events as a vertical SVG: one row per event, grouped under its date, oldest first; within
 * a day, in the order the graph states ({@link DayOrder}), each dot numbered with its place. The years the report
 * skips (1989 to 2020) are not drawn to scale: a dashed stretch of axis marks each gap of more than a year.
 */
final class TimelineSvg {
    private static final int WIDTH = 760, TOP = 16, ROW = 20, GROUP_GAP = 10, BREAK = 34;
    private static final int AXIS_X = 130, TEXT_X = 146;
    private static final String COLOR = "#1f6fb2";

    private TimelineSvg() {}

    static String render(List<SiteQueries.Dated> events, List<SiteQueries.Before> order, Labels labels) {
        Map<String, List<SiteQueries.Dated>> byDate = new LinkedHashMap<>();
        events.forEach(e -> byDate.computeIfAbsent(e.date(), d -> new ArrayList<>()).add(e));
        StringBuilder rows = new StringBuilder();
        StringBuilder axis = new StringBuilder();
        int y = TOP;
        String previous = null;
        for (var group : byDate.entrySet()) {
            if (previous != null) {
                int years = year(group.getKey()) - year(previous);
                boolean gap = years > 1;
                int next = y + (gap ? BREAK : GROUP_GAP);
                axis.append(line(y - ROW - 4, next - 4, gap));
                if (gap) rows.append("<text x=\"").append(AXIS_X + 8).append("\" y=\"").append(y + BREAK / 2 - 6)
                        .append("\" fill=\"#777\" font-style=\"italic\">").append(years).append(" years</text>\n");
                y = next;
            }
            rows.append("<text x=\"").append(AXIS_X - 12).append("\" y=\"").append(y).append("\" text-anchor=\"end\" font-weight=\"bold\">")
                    .append(Html.escape(display(group.getKey()))).append("</text>\n");
            DayOrder day = new DayOrder(group.getValue(), order);
            for (SiteQueries.Dated e : inOrder(group.getValue(), day, labels)) {
                rows.append(event(e, day, group.getValue(), labels, y));
                y += ROW;
            }
            axis.append(line(y - ROW * group.getValue().size() - 4, y - ROW - 4, false));
            previous = group.getKey();
        }
        String title = events.isEmpty() ? "Timeline: no dated events" : "Timeline of " + events.size() + " dated events, "
                + display(events.get(0).date()) + " to " + display(events.get(events.size() - 1).date());
        return Svg.open(WIDTH, Math.max(y, 40), "timeline", title) + axis + rows + "</svg>\n";
    }

    /** A day's events by rank (ties by label), then those no fact places, by label. */
    static List<SiteQueries.Dated> inOrder(List<SiteQueries.Dated> day, DayOrder order, Labels labels) {
        Comparator<SiteQueries.Dated> byRank = Comparator.comparing((SiteQueries.Dated e) -> order.rank(e.event()),
                Comparator.nullsLast(Comparator.naturalOrder()));
        return day.stream().sorted(byRank.thenComparing(SiteQueries.Dated::event, labels.byLabel())).toList();
    }

    /** One event: a numbered dot when the day's facts place it (ties share the number), a hollow one when they do not; its label, with the whole story as tooltip. */
    private static String event(SiteQueries.Dated e, DayOrder day, List<SiteQueries.Dated> group, Labels labels, int y) {
        Integer rank = day.rank(e.event());
        String dot = rank == null
                ? "<circle cx=\"" + AXIS_X + "\" cy=\"" + (y - 4) + "\" r=\"4\" fill=\"" + (group.size() == 1 ? COLOR : "#fff") + "\" stroke=\"" + COLOR + "\" stroke-width=\"2\"/>"
                : "<circle cx=\"" + AXIS_X + "\" cy=\"" + (y - 4) + "\" r=\"7\" fill=\"" + COLOR + "\"/><text x=\"" + AXIS_X + "\" y=\"" + (y - 1)
                        + "\" text-anchor=\"middle\" font-size=\"9\" font-weight=\"bold\" fill=\"#fff\">" + rank + "</text>";
        String title = tooltip(e, day, group, labels);
        return "<g class=\"event\" data-rank=\"" + (rank == null ? "" : rank) + "\"><title>" + Html.escape(title) + "</title>" + dot + "\n"
                + Svg.label(labels, e.event(), TEXT_X, y, "start", 95, "", null) + "</g>\n";
    }

    static String tooltip(SiteQueries.Dated e, DayOrder day, List<SiteQueries.Dated> group, Labels labels) {
        StringBuilder t = new StringBuilder(labels.of(e.event())).append(" — ").append(display(e.date()));
        if (e.timeOfDay() != null) t.append(", ").append(e.timeOfDay());
        Integer rank = day.rank(e.event());
        if (rank != null) {
            long tied = group.stream().filter(o -> rank.equals(day.rank(o.event()))).count() - 1;
            t.append("; place ").append(rank).append(" in the day's order").append(tied > 0 ? " (shared with " + tied + " more)" : "");
        } else if (group.size() > 1) {
            t.append("; the graph states no order for it within the day");
        }
        List<String> after = day.after(e.event()).stream().sorted(labels.byLabel()).map(labels::of).toList();
        if (!after.isEmpty()) t.append("; after: ").append(String.join("; ", after));
        return t.toString();
    }

    private static String line(int y1, int y2, boolean dashed) {
        return "<line x1=\"" + AXIS_X + "\" y1=\"" + y1 + "\" x2=\"" + AXIS_X + "\" y2=\"" + y2 + "\" stroke=\"#999\" stroke-width=\"2\""
                + (dashed ? " stroke-dasharray=\"3 4\"" : "") + "/>\n";
    }

    private static int year(String iso) {
        return Integer.parseInt(iso.substring(0, 4));
    }

    /** {@code 2021-03-22} → 22 Mar 2021, {@code 2021-01} → Jan 2021, {@code 1989} → 1989. */
    static String display(String iso) {
        try {
            if (iso.length() >= 10) {
                LocalDate d = LocalDate.parse(iso.substring(0, 10));
                return d.getDayOfMonth() + " " + month(d.getMonth()) + " " + d.getYear();
            }
            if (iso.length() == 7) return month(Month.of(Integer.parseInt(iso.substring(5, 7)))) + " " + iso.substring(0, 4);
        } catch (RuntimeException e) {
            return iso;
        }
        return iso;
    }

    private static String month(Month m) {
        return m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
