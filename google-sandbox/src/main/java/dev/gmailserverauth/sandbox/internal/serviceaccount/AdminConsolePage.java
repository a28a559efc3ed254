package dev.gmailserverauth.sandbox.internal.serviceaccount;

import java.util.Optional;

/** The demo domain's "Admin console → Security → API controls → Domain-wide delegation" page. */
final class AdminConsolePage {
    private AdminConsolePage() {}

    static String render(WorkspaceDelegation delegation) {
        return render(delegation, Optional.empty());
    }

    static String render(WorkspaceDelegation delegation, String error) {
        return render(delegation, Optional.of(error));
    }

    private static String render(WorkspaceDelegation delegation, Optional<String> error) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Admin console (sandbox) – Domain-wide delegation</title></head><body>\n")
                .append("<h1>Domain-wide delegation</h1>\n<p>Security → Access and data control → API controls, for ")
                .append(escape(dev.gmailserverauth.sandbox.internal.directory.WorkspaceDirectory.DOMAIN)).append(".</p>\n");
        error.ifPresent(e -> html.append("<p role=\"alert\">").append(escape(e)).append("</p>\n"));
        html.append("<table><thead><tr><th>Client ID</th><th>OAuth scopes</th><th>Effective from</th><th></th></tr></thead><tbody>\n");
        for (WorkspaceDelegation.Entry entry : delegation.entries()) {
            html.append("<tr><td>").append(escape(entry.clientId())).append("</td><td>").append(escape(String.join(", ", entry.scopes())))
                    .append("</td><td>").append(escape(entry.effectiveAt().toString())).append("</td><td>")
                    .append("<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"remove\">")
                    .append("<input type=\"hidden\" name=\"clientId\" value=\"").append(escape(entry.clientId()))
                    .append("\"><button>Delete</button></form></td></tr>\n");
        }
        html.append("</tbody></table>\n<h2>Add new</h2>\n<form method=\"post\">\n")
                .append("<label>Client ID <input name=\"clientId\" value=\"").append(escape(delegation.serviceAccount().clientId()))
                .append("\"></label>\n<label>OAuth scopes (comma-delimited) <input name=\"scopes\" size=\"100\"></label>\n")
                .append("<button>Authorize</button>\n</form>\n</body></html>\n");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
