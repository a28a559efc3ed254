package dev.gmailserverauth.sandbox.internal;

import java.util.List;

/**
 * The HTML of the consent screen and of Google-style error pages. Field names and ids are a stable
 * contract for browser tests (see README): {@code account}, {@code scope}, {@code auth_request},
 * buttons {@code #allow} and {@code #cancel} (both {@code name="decision"}).
 */
public final class ConsentPage {
    public static final String DECISION_PATH = "/o/oauth2/v2/auth/decision";

    private ConsentPage() {}

    public static String render(String requestId, String clientId, List<Account> accounts, String preselectedEmail,
                                List<String> signInScopes, List<String> optionalScopes) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in - Google Accounts (sandbox)</title>")
                .append("<style>body{font-family:sans-serif;max-width:36em;margin:2em auto}fieldset{margin:1em 0}")
                .append("label{display:block;margin:.3em 0}button{margin-right:1em;padding:.4em 1.2em}</style></head><body>\n")
                .append("<h1>Google sandbox</h1>\n<p id=\"client\">")
                .append(escape(clientId)).append(" wants to access your Google Account</p>\n")
                .append("<form id=\"consent\" method=\"post\" action=\"").append(DECISION_PATH).append("\">\n")
                .append("<input type=\"hidden\" name=\"auth_request\" id=\"auth_request\" value=\"").append(escape(requestId)).append("\">\n")
                .append("<fieldset id=\"accounts\"><legend>Choose an account</legend>\n");
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            h.append("<label><input type=\"radio\" name=\"account\" id=\"account-").append(i).append("\" value=\"")
                    .append(escape(a.email())).append("\"").append(a.email().equals(preselectedEmail) ? " checked" : "")
                    .append("> ").append(escape(a.displayName())).append(" &lt;").append(escape(a.email())).append("&gt;</label>\n");
        }
        h.append("</fieldset>\n<fieldset id=\"scopes\"><legend>Permissions</legend>\n");
        for (String s : signInScopes) {
            h.append("<p class=\"signin-scope\">").append(escape(describe(s))).append("</p>\n");
        }
        for (String s : optionalScopes) {
            h.append("<label><input type=\"checkbox\" name=\"scope\" id=\"").append(escape(checkboxId(s))).append("\" value=\"")
                    .append(escape(s)).append("\" checked> ").append(escape(describe(s))).append("</label>\n");
        }
        h.append("</fieldset>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"cancel\" id=\"cancel\">Cancel</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>\n")
                .append("</form>\n</body></html>\n");
        return h.toString();
    }

    /** The checkbox id of a scope: {@code scope-} + its last path segment, e.g. {@code scope-gmail.readonly}. */
    public static String checkboxId(String scope) {
        String trimmed = scope.endsWith("/") ? scope.substring(0, scope.length() - 1) : scope;
        return "scope-" + trimmed.substring(trimmed.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "-");
    }

    public static String errorPage(String error, String description) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error - Google sandbox</title></head><body>\n"
                + "<h1>Access blocked: this request is invalid</h1>\n<p id=\"error\">Error 400: " + escape(error) + "</p>\n"
                + "<p id=\"error_description\">" + escape(description) + "</p>\n</body></html>\n";
    }

    private static String describe(String scope) {
        return switch (scope) {
            case OAuthScopes.OPENID -> "Associate you with your personal info on Google";
            case OAuthScopes.EMAIL -> "See your primary Google Account email address";
            case OAuthScopes.PROFILE -> "See your personal info, including any personal info you've made publicly available";
            case OAuthScopes.GMAIL_READONLY -> "View your email messages and settings (" + scope + ")";
            default -> scope;
        };
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
