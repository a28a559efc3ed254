package dev.gmailserverauth.sandbox.internal;

/** Google's own HTML pages, shared by the surfaces that show them, and the escaping they need. */
public final class GooglePages {
    private GooglePages() {}

    public static String errorPage(String error, String description) {
        return errorPage(400, error, description);
    }

    /** Google's own error page: "Error {status}: {error}" and the description; the client is not told. */
    public static String errorPage(int status, String error, String description) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error - Google sandbox</title></head><body>\n"
                + "<h1>Access blocked</h1>\n<p id=\"error\">Error " + status + ": " + escape(error) + "</p>\n"
                + "<p id=\"error_description\">" + escape(description) + "</p>\n</body></html>\n";
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
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
}
