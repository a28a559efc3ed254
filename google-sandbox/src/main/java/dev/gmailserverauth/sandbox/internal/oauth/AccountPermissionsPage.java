package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.GooglePages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The HTML of the sandbox's Google Account page "Third-party apps with account access". Ids are a stable contract
 * for browser tests (see README): {@code #apps}, {@code li.app} ({@code #app-0}, … with {@code data-client-id}),
 * buttons {@code #remove-0}, …, {@code #no-apps}, {@code #notice}.
 */
final class AccountPermissionsPage {
    public static final String PATH = "/myaccount/permissions";
    public static final String REMOVE_PATH = PATH + "/remove";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private AccountPermissionsPage() {}

    /** The account chooser, when no {@code authuser} is given. */
    public static String chooser(List<Account> accounts) {
        StringBuilder h = head("Choose an account").append("<ul id=\"accounts\">\n");
        for (Account a : accounts) {
            h.append("<li><a href=\"").append(link(a.email())).append("\">").append(GooglePages.escape(a.displayName()))
                    .append(" &lt;").append(GooglePages.escape(a.email())).append("&gt;</a></li>\n");
        }
        return h.append("</ul>\n</body></html>\n").toString();
    }

    public static String render(Account account, List<OAuthStore.GrantView> grants, Optional<String> removedClient) {
        StringBuilder h = head("Third-party apps with account access")
                .append("<p id=\"account\">").append(GooglePages.escape(account.displayName())).append(" &lt;")
                .append(GooglePages.escape(account.email())).append("&gt;</p>\n");
        removedClient.ifPresent(c -> h.append("<p id=\"notice\">").append(GooglePages.escape(c)).append(" no longer has access to your account.</p>\n"));
        if (grants.isEmpty()) return h.append("<p id=\"no-apps\">No third-party app has access to your account.</p>\n</body></html>\n").toString();
        h.append("<ul id=\"apps\">\n");
        for (int i = 0; i < grants.size(); i++) {
            OAuthStore.GrantView g = grants.get(i);
            String client = GooglePages.escape(g.clientId());
            h.append("<li class=\"app\" id=\"app-").append(i).append("\" data-client-id=\"").append(client).append("\">\n")
                    .append("<h2>").append(client).append("</h2>\n")
                    .append("<p class=\"since\">Access given on ").append(WHEN.format(g.since())).append("</p>\n")
                    .append("<p class=\"ends\">").append(g.endsAt().map(AccountPermissionsPage::ends).orElse("Access until you remove it"))
                    .append("</p>\n<ul class=\"scopes\">\n");
            g.scopes().forEach(s -> h.append("<li>").append(GooglePages.escape(GoogleConsentScreen.describe(s))).append("</li>\n"));
            h.append("</ul>\n<form method=\"post\" action=\"").append(REMOVE_PATH).append("\">")
                    .append("<input type=\"hidden\" name=\"authuser\" value=\"").append(GooglePages.escape(account.email())).append("\">")
                    .append("<input type=\"hidden\" name=\"client_id\" value=\"").append(client).append("\">")
                    .append("<button type=\"submit\" id=\"remove-").append(i).append("\">Remove access</button></form>\n</li>\n");
        }
        return h.append("</ul>\n</body></html>\n").toString();
    }

    public static String link(String email) {
        return PATH + "?authuser=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    private static String ends(Instant end) {
        return "Time-limited access: ends on " + WHEN.format(end);
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append(" - Google Account (sandbox)</title>")
                .append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}li.app{margin:1em 0}</style></head><body>\n")
                .append("<h1>").append(title).append("</h1>\n");
    }
}
