package org.sanctionskg.web;

/** The one place HTML is escaped and pages get their common frame; every value written into HTML goes through here. */
public final class Html {
    private Html() {}

    /** Escapes text for element content and double-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete page: {@code title} is escaped here, {@code body} must already be safe HTML. */
    public static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · sanctions-kg</title>
                <style>
                body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:0 1rem;color:#222}
                nav a{margin-right:1rem} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
                code,pre{background:#f5f5f5} mark{background:#ffe58a}
                .cite{margin-top:2rem;border-top:1px solid #ccc;font-size:.9rem} .cite h2{font-size:1rem}
                </style>
                </head>
                <body>
                <nav><a href="/">sanctions-kg</a><a href="/ui">query</a><a href="/queries">canned queries</a><a href="/ontology">ontology</a><a href="/.well-known/void">dataset</a><a href="/download/">downloads</a><a href="/releases">releases</a></nav>
                <h1>%s</h1>
                %s
                </body>
                </html>
                """.formatted(escape(title), escape(title), body);
    }
}
