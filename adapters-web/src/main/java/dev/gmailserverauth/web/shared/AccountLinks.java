package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.domain.model.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Keeps the account a page shows in every link of that page: when the address names an account
 * ({@code ?account=}), each link, form and frame to the app's own mail and connection pages gets the same
 * {@code account}, so that a tab stays on its account while another tab shows another. Done once, on the
 * finished page, so no route or template has to remember it.
 */
final class AccountLinks {
    private static final String KEPT = "web.keptAccount";
    private static final List<String> OWN_PAGES = List.of("/messages", "/threads", "/account", "/disconnect", "/api/");

    private AccountLinks() {
    }

    /** Remembers, for this request, the account its links keep. */
    static void keep(io.javalin.http.Context ctx, Optional<UserId> account) {
        account.ifPresent(id -> ctx.attribute(KEPT, id));
    }

    /** The account this request named, when it is the person's. */
    static Optional<UserId> kept(io.javalin.http.Context ctx) {
        return Optional.ofNullable(ctx.attribute(KEPT));
    }

    /** The page with every link to the app's own pages naming the account this request showed, if it named one. */
    static String apply(io.javalin.http.Context ctx, String html) {
        return kept(ctx).map(account -> keep(html, account)).orElse(html);
    }

    /** {@code target} with the account in its query, unless it names one already. */
    static String withAccount(String target, UserId account) {
        return withParameter(target, parameter(account));
    }

    private static String parameter(UserId account) {
        return Sessions.ACCOUNT_PARAMETER + "=" + URLEncoder.encode(account.value(), StandardCharsets.UTF_8);
    }

    static String keep(String html, UserId account) {
        Document page = Jsoup.parse(html);
        page.outputSettings().prettyPrint(false);
        String parameter = parameter(account);
        rewrite(page, "a[href]", "href", parameter);
        rewrite(page, "iframe[src]", "src", parameter);
        rewrite(page, "img[src]", "src", parameter);
        for (Element form : page.select("form[action]")) {
            if (!isOwn(form.attr("action"))) continue;
            boolean get = form.attr("method").isEmpty() || form.attr("method").toLowerCase(Locale.ROOT).equals("get");
            if (!get) {
                form.attr("action", withParameter(form.attr("action"), parameter));
            } else if (form.select("input[name=" + Sessions.ACCOUNT_PARAMETER + "]").isEmpty()) {
                // A GET form replaces its action's query with its fields: the account goes in as a field.
                form.prependElement("input").attr("type", "hidden").attr("name", Sessions.ACCOUNT_PARAMETER).attr("value", account.value());
            }
        }
        return page.outerHtml();
    }

    private static void rewrite(Document page, String selector, String attribute, String parameter) {
        for (Element element : page.select(selector)) {
            String target = element.attr(attribute);
            if (isOwn(target)) element.attr(attribute, withParameter(target, parameter));
        }
    }

    private static boolean isOwn(String target) {
        return OWN_PAGES.stream().anyMatch(target::startsWith);
    }

    private static String withParameter(String target, String parameter) {
        int fragment = target.indexOf('#');
        String path = fragment < 0 ? target : target.substring(0, fragment);
        String rest = fragment < 0 ? "" : target.substring(fragment);
        if (path.contains("?" + Sessions.ACCOUNT_PARAMETER + "=") || path.contains("&" + Sessions.ACCOUNT_PARAMETER + "=")) return target;
        return path + (path.indexOf('?') < 0 ? "?" : "&") + parameter + rest;
    }
}
