package eu.heapzilla.eventa.adapters.http;

import io.javalin.http.Context;

/** The few HTML pages eventa serves itself: one layout, branded, no script, no external asset. */
final class Html {

    /** Pages carry only inline styles and plain forms back to this server. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String LAYOUT = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <meta name="robots" content="noindex">
            <title>%s · eventa</title>
            <style>
              body { margin: 0; background: #f6f1ea; color: #2b2622; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
              main { max-width: 28rem; margin: 12vh auto; padding: 2rem; background: #fff; border-radius: 16px;
                     box-shadow: 0 2px 12px rgba(60, 40, 20, .08); }
              .brand { font-weight: 700; letter-spacing: .02em; color: #b4532a; font-size: 1.1rem; margin: 0 0 1.5rem; }
              h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
              p { margin: 0 0 1rem; }
              button, .button { display: block; width: 100%%; box-sizing: border-box; padding: .8rem 1rem; border: 0;
                     border-radius: 10px; background: #b4532a; color: #fff; font: inherit; font-weight: 600;
                     text-align: center; text-decoration: none; cursor: pointer; }
              .secondary { background: #f6f1ea; color: #2b2622; margin-top: .75rem; }
              .fine { color: #7a6f66; font-size: .875rem; margin-top: 1.5rem; }
            </style>
            </head>
            <body>
            <main>
            <p class="brand">eventa</p>
            %s
            </main>
            </body>
            </html>
            """;

    private Html() {
    }

    static void send(Context ctx, int status, String title, String body) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.status(status).contentType("text/html; charset=utf-8").result(LAYOUT.formatted(escape(title), body));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
