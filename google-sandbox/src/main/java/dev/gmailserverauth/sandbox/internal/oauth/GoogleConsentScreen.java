package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.GooglePages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML of the consent screen and of Google-style error pages. Field names and ids are a stable
 * contract for browser tests (see README): {@code account}, {@code scope}, {@code auth_request}, {@code access_duration},
 * buttons {@code #allow}, {@code #cancel} and {@code #error-<code>} (all {@code name="decision"}).
 */
final class GoogleConsentScreen {
    public static final String DECISION_PATH = "/o/oauth2/v2/auth/decision";

    private GoogleConsentScreen() {}

    /** The time-limited access choices: value in seconds ({@code unlimited} = until the person removes the app) and label. */
    public static final Map<String, String> ACCESS_DURATIONS = durations();
    /** The redirect errors the "answer with an error" buttons give (Cancel gives {@code access_denied}). */
    public static final List<String> SIMULATED_ERRORS = List.of("invalid_scope", "unauthorized_client", "server_error", "temporarily_unavailable");
    public static final String UNLIMITED = "unlimited";

    public static String render(String requestId, String clientId, List<Account> accounts, Map<String, String> hostedDomains,
                                String preselectedEmail, List<String> signInScopes, List<String> optionalScopes) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in - Google Accounts (sandbox)</title>")
                .append("<style>body{font-family:sans-serif;max-width:36em;margin:2em auto}fieldset{margin:1em 0}")
                .append("label{display:block;margin:.3em 0}button{margin-right:1em;padding:.4em 1.2em}</style></head><body>\n")
                .append("<h1>Google sandbox</h1>\n<p id=\"client\">")
                .append(GooglePages.escape(clientId)).append(" wants to access your Google Account</p>\n")
                .append("<form id=\"consent\" method=\"post\" action=\"").append(DECISION_PATH).append("\">\n")
                .append("<input type=\"hidden\" name=\"auth_request\" id=\"auth_request\" value=\"").append(GooglePages.escape(requestId)).append("\">\n")
                .append("<fieldset id=\"accounts\"><legend>Choose an account</legend>\n");
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            h.append("<label><input type=\"radio\" name=\"account\" id=\"account-").append(i).append("\" value=\"")
                    .append(GooglePages.escape(a.email())).append("\"").append(a.email().equals(preselectedEmail) ? " checked" : "")
                    .append("> ").append(GooglePages.escape(a.displayName())).append(" &lt;").append(GooglePages.escape(a.email())).append("&gt;");
            String hd = hostedDomains.get(a.email());
            if (hd != null) h.append(" <small class=\"managed\">managed by ").append(GooglePages.escape(hd)).append("</small>");
            h.append("</label>\n");
        }
        h.append("</fieldset>\n<fieldset id=\"scopes\"><legend>Permissions</legend>\n");
        for (String s : signInScopes) {
            h.append("<p class=\"signin-scope\">").append(GooglePages.escape(describe(s))).append("</p>\n");
        }
        for (String s : optionalScopes) {
            h.append("<label><input type=\"checkbox\" name=\"scope\" id=\"").append(GooglePages.escape(checkboxId(s))).append("\" value=\"")
                    .append(GooglePages.escape(s)).append("\" checked> ").append(GooglePages.escape(describe(s))).append("</label>\n");
        }
        h.append("</fieldset>\n<fieldset id=\"access-duration\"><legend>How long may this app have access?</legend>\n");
        ACCESS_DURATIONS.forEach((value, label) -> h.append("<label><input type=\"radio\" name=\"access_duration\" id=\"duration-")
                .append(value).append("\" value=\"").append(value).append("\"").append(UNLIMITED.equals(value) ? " checked" : "")
                .append("> ").append(label).append("</label>\n"));
        h.append("</fieldset>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"cancel\" id=\"cancel\">Cancel</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>\n")
                .append("<details id=\"simulate\"><summary>Sandbox: answer the app with an error instead</summary>\n");
        for (String error : SIMULATED_ERRORS) {
            h.append("<button type=\"submit\" name=\"decision\" value=\"error:").append(error).append("\" id=\"error-").append(error)
                    .append("\">").append(error).append("</button>\n");
        }
        h.append("</details>\n</form>\n</body></html>\n");
        return h.toString();
    }

    private static Map<String, String> durations() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(UNLIMITED, "Until I remove it");
        d.put("3600", "1 hour");
        d.put("86400", "1 day");
        d.put("604800", "7 days");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** The checkbox id of a scope: {@code scope-} + its last path segment, e.g. {@code scope-gmail.readonly}. */
    public static String checkboxId(String scope) {
        String trimmed = scope.endsWith("/") ? scope.substring(0, scope.length() - 1) : scope;
        return "scope-" + trimmed.substring(trimmed.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "-");
    }

    static String describe(String scope) {
        return switch (scope) {
            case OAuthScopes.OPENID -> "Associate you with your personal info on Google";
            case OAuthScopes.EMAIL -> "See your primary Google Account email address";
            case OAuthScopes.PROFILE -> "See your personal info, including any personal info you've made publicly available";
            case OAuthScopes.GMAIL_READONLY -> "View your email messages and settings (" + scope + ")";
            default -> scope;
        };
    }

}
