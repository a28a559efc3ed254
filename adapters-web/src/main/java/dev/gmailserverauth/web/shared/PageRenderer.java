package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.application.AccessEnd;
import dev.gmailserverauth.application.ListAccounts;
import dev.gmailserverauth.application.MailboxGrant;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.web.WebConfig;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Renders the precompiled jte templates (no compiler at run time) and builds the chrome around each page. */
public final class PageRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final WebConfig config;
    private final Sessions sessions;
    private final ListAccounts listAccounts;

    public PageRenderer(WebConfig config, Sessions sessions, ListAccounts listAccounts) {
        this.config = Objects.requireNonNull(config);
        this.sessions = Objects.requireNonNull(sessions);
        this.listAccounts = Objects.requireNonNull(listAccounts);
    }

    /** The chrome for this visitor: with the account bar and CSRF tokens when signed in. */
    public Chrome chrome(Context ctx, String title) {
        return chrome(sessions.visitor(ctx), title);
    }

    /**
     * The chrome of an error page: with the account bar for a 4xx, so a signed-in person still sees who they
     * are; plain for a 5xx (it must not touch the stores, which may be what failed) or when the stores do not answer.
     */
    public Chrome errorChrome(Context ctx, String title, int status) {
        if (status >= 500) return plainChrome(title);
        try {
            return chrome(sessions.visitor(ctx), title);
        } catch (RuntimeException storesDown) {
            return plainChrome(title);
        }
    }

    private Chrome chrome(Visitor visitor, String title) {
        if (!visitor.signedIn()) return plainChrome(title);
        String email = visitor.account().map(account -> account.email().value()).orElse("");
        return new Chrome(title, true, email, visitor.csrfToken(), config.banner(), Optional.empty(), switcher(visitor));
    }

    /**
     * The chrome of a page that already holds the person's grant: no second look-up of who they are, and
     * "access ends on …" when the grant is time-limited.
     */
    public Chrome chrome(Context ctx, String title, MailboxGrant grant) {
        Visitor visitor = sessions.visitor(ctx);
        return new Chrome(title, true, grant.email().value(), visitor.csrfToken(), config.banner(),
                grant.accessEnd().map(end -> accessNotice(end, grant.email())), switcher(visitor));
    }

    /** The chrome of the connection page, which knows the grant's end from its own view. */
    public Chrome chrome(Context ctx, String title, EmailAddress email, Optional<AccessEnd> end) {
        Visitor visitor = sessions.visitor(ctx);
        return new Chrome(title, true, email.value(), visitor.csrfToken(), config.banner(),
                end.map(e -> accessNotice(e, email)), switcher(visitor));
    }

    /** The chrome without the account bar, for pages that must not touch the stores (error pages). */
    public Chrome plainChrome(String title) {
        return new Chrome(title, false, "", "", config.banner(), Optional.empty(), List.of());
    }

    /** The header's account switcher; a secondary part of the page, so it degrades to nothing rather than fail the page. */
    private List<AccountSwitch> switcher(Visitor visitor) {
        if (visitor.person().isEmpty()) return List.of();
        Optional<UserId> shown = visitor.user();
        try {
            return listAccounts.list(visitor.person().get()).stream().map(state -> AccountSwitch.of(state, shown)).toList();
        } catch (RuntimeException storesDown) {
            return List.of();
        }
    }

    private static AccessNotice accessNotice(AccessEnd end, EmailAddress email) {
        return new AccessNotice(Formats.utcLong(end.at()), end.at().toString(), end.renewalOffered(), Links.renew(email));
    }

    public void render(Context ctx, int status, String template, Object model) {
        Responses.html(ctx, status, html(template, model));
    }

    /** The page as text, for answers written outside a route (requests Jetty refuses before routing). */
    public String html(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
