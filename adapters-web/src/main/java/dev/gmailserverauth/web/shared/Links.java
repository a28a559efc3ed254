package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.PartId;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The URLs pages link to. Internal ones are built here from validated values; the only external one is
 * the provider's consent URL, from the use cases, never from the request.
 */
public final class Links {
    public static final String MESSAGES = "/messages";
    public static final String THREADS = "/threads";
    public static final String LOGIN = "/login";
    public static final String ACCOUNT = "/account";
    /** "Add another Google account"; carries the session's CSRF token. */
    public static final String ADD_ACCOUNT = "/accounts/add";

    private Links() {
    }

    public static String messages(SearchQuery query, Optional<PageToken> pageToken, Optional<Integer> maxResults) {
        return messages(query, pageToken, maxResults, Map.of());
    }

    /** The message list with {@code more} parameters after the usual ones (the list's trail of earlier pages), in their order. */
    public static String messages(SearchQuery query, Optional<PageToken> pageToken, Optional<Integer> maxResults, Map<String, String> more) {
        List<String> params = new ArrayList<>();
        if (!query.isEmpty()) params.add("q=" + encode(query.value()));
        pageToken.ifPresent(token -> params.add("pageToken=" + encode(token.value())));
        maxResults.ifPresent(size -> params.add("maxResults=" + size));
        more.forEach((name, value) -> params.add(encode(name) + "=" + encode(value)));
        return params.isEmpty() ? MESSAGES : MESSAGES + "?" + String.join("&", params);
    }

    /**
     * {@code href} carrying the list it was opened from ({@code list}, a {@link #messages} link), so that the page's way back
     * returns to that list, not to the first page of everything.
     */
    public static String fromList(String href, String list) {
        int start = list.indexOf('?');
        if (start < 0) return href;
        return href + (href.indexOf('?') < 0 ? "?" : "&") + list.substring(start + 1);
    }

    /** {@code href} naming the account this request named ({@code ?account=}), if it named one: for links in JSON answers. */
    public static String keepingAccount(io.javalin.http.Context ctx, String href) {
        return AccountLinks.kept(ctx).map(account -> AccountLinks.withAccount(href, account)).orElse(href);
    }

    /** Adding another Google account, with this page's CSRF token; {@code prompt=consent} when only a new consent yields a refresh token. */
    public static String addAccount(String csrfToken, boolean forceConsent) {
        return ADD_ACCOUNT + "?" + Csrf.FIELD + "=" + encode(csrfToken) + (forceConsent ? "&prompt=consent" : "");
    }

    /** The message list of one of the person's accounts. */
    public static String messagesOf(UserId account) {
        return MESSAGES + "?" + Sessions.ACCOUNT_PARAMETER + "=" + encode(account.value());
    }

    public static String message(MessageId id) {
        return MESSAGES + "/" + id.value();
    }

    /** The message page with its remote images shown. */
    public static String messageWithImages(MessageId id) {
        return message(id) + "?images=show";
    }

    public static String thread(ThreadId id) {
        return THREADS + "/" + id.value();
    }

    public static String threadWithImages(ThreadId id) {
        return thread(id) + "?images=show";
    }

    /** The sandboxed document that shows a message's HTML part. */
    public static String messageFrame(MessageId id, boolean remoteImages) {
        return message(id) + "/body" + (remoteImages ? "?images=show" : "");
    }

    /** Downloads a file of the message. */
    public static String attachment(MessageId id, PartId part) {
        return message(id) + "/attachments/" + part.value();
    }

    /** An image of the message shown in its HTML ({@code cid:}): served inline, when it is a safe image type. */
    public static String inlineImage(MessageId id, PartId part) {
        return attachment(id, part) + "?inline=1";
    }

    /**
     * The way back through consent for this outcome: {@code /login}, which makes the consent URL (and
     * its pending authorization) only when the browser follows it; {@code prompt=consent} when only a
     * new consent yields a refresh token.
     */
    public static String reconsent(ConsentRequired consent) {
        List<String> params = new ArrayList<>();
        if (consent.reason().needsNewRefreshToken()) params.add("prompt=consent");
        consent.loginHint().ifPresent(hint -> params.add("login_hint=" + encode(hint.value())));
        return params.isEmpty() ? LOGIN : LOGIN + "?" + String.join("&", params);
    }

    /** Renewing a time-limited grant: Google's consent screen again (to choose a new duration), as this account. */
    public static String renew(EmailAddress email) {
        return LOGIN + "?prompt=consent&login_hint=" + encode(email.value());
    }

    /** The consent URL ({@link AuthorizationUrl} is http(s) by construction). */
    public static String consent(AuthorizationUrl url) {
        return url.value().toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
