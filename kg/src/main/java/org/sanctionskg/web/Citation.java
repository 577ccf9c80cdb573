package org.sanctionskg.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The "Cite this" block every HTML page ends with: the page's title, the dataset, the release that answered, its
 * date, the page's permalink pinned to that release ({@code ?release=ID}) and the licence.
 */
public final class Citation {
    /** The dataset's name as a citation gives it. */
    public static final String DATASET = "sanctions-kg";
    public static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";
    public static final String LICENCE_NAME = "CC BY 4.0";
    private static final DateTimeFormatter RELEASE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Citation() {}

    /** The block for the page {@code title} at the public URL {@code url}, answered from {@code release}. */
    public static String block(String title, String release, String url) {
        String permalink = permalink(url, release);
        String date = date(release);
        return "<aside class=\"cite\" id=\"cite\"><h2>Cite this</h2>\n<p>" + Html.escape(title) + ". In: <cite>" + DATASET
                + "</cite>, release <code class=\"release\">" + Html.escape(release) + "</code>" + (date.isEmpty() ? "" : " (" + date + ")")
                + ". <a class=\"permalink\" href=\"" + Html.escape(permalink) + "\">" + Html.escape(permalink) + "</a>. Licence: <a rel=\"license\" href=\""
                + LICENCE + "\">" + LICENCE_NAME + "</a>.</p>\n</aside>\n";
    }

    /** {@code url} pinned to {@code release}: the same page as that release answered it. */
    public static String permalink(String url, String release) {
        return url + (url.contains("?") ? "&" : "?") + "release=" + release;
    }

    /** The UTC day of a release id ({@code yyyyMMdd'T'…}), ISO-formatted; empty when the id is not one. */
    static String date(String release) {
        try {
            return release.length() < 8 ? "" : LocalDate.parse(release.substring(0, 8), RELEASE_DAY).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
