package org.sanctionskg.site;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sanctionskg.linkeddata.Labels;
import org.sanctionskg.web.Html;

/**
 * The timeline of dated events as a vertical SVG: one row per event, grouped under its date, oldest first. The
 * years the report skips (1989 to 2020) are not drawn to scale: a dashed stretch of axis marks each gap of more
 * than a year and says how long it is.
 */
final class TimelineSvg {
    private static final int WIDTH = 760, TOP = 16, ROW = 20, GROUP_GAP = 10, BREAK = 34;
    private static final int AXIS_X = 130, TEXT_X = 144;

    private TimelineSvg() {}

    static String render(List<SiteQueries.Dated> events, Labels labels) {
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
            for (SiteQueries.Dated e : group.getValue()) {
                rows.append("<circle cx=\"").append(AXIS_X).append("\" cy=\"").append(y - 4).append("\" r=\"4\" fill=\"#1f6fb2\"/>\n");
                rows.append(Svg.label(labels, e.event(), TEXT_X, y, "start", 95, ""));
                y += ROW;
            }
            axis.append(line(y - ROW * group.getValue().size() - 4, y - ROW - 4, false));
            previous = group.getKey();
        }
        String title = events.isEmpty() ? "Timeline: no dated events" : "Timeline of " + events.size() + " dated events, "
                + display(events.get(0).date()) + " to " + display(events.get(events.size() - 1).date());
        return Svg.open(WIDTH, Math.max(y, 40), "timeline", title) + axis + rows + "</svg>\n";
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
