package dev.gmailserverauth.web.account;

import dev.gmailserverauth.application.AccessEnd;
import dev.gmailserverauth.application.DescribeUser;
import dev.gmailserverauth.application.ListAccounts;
import dev.gmailserverauth.application.ViewAccount;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.HistoryEntry;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.shared.AccountSwitch;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.Formats;
import dev.gmailserverauth.web.shared.Json;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.Responses;
import dev.gmailserverauth.web.shared.Sessions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /account} and {@code GET /api/account}: the person's connection — since when, what was
 * granted, whether and until when access is time-limited, when the tokens were last renewed, and the
 * history of the grant, for the account the address names ({@code account=}) or the one the person signed in with.
 * Read from the stores only. {@code GET /api/me}: who is signed in; {@code GET /api/accounts}: every account of theirs.
 */
final class ConnectionRoutes {
    private final ViewAccount viewAccount;
    private final DescribeUser describeUser;
    private final ListAccounts listAccounts;
    private final Sessions sessions;
    private final PageRenderer pages;

    ConnectionRoutes(ViewAccount viewAccount, DescribeUser describeUser, ListAccounts listAccounts, Sessions sessions, PageRenderer pages) {
        this.viewAccount = Objects.requireNonNull(viewAccount);
        this.describeUser = Objects.requireNonNull(describeUser);
        this.listAccounts = Objects.requireNonNull(listAccounts);
        this.sessions = Objects.requireNonNull(sessions);
        this.pages = Objects.requireNonNull(pages);
    }

    void register(RoutesConfig routes) {
        routes.get(Links.ACCOUNT, this::page);
        routes.get("/api/account", this::json);
        routes.get("/api/me", this::me);
        routes.get("/api/accounts", this::accounts);
    }

    /** Every Google account of the signed-in person: {@code id}, {@code email}, {@code state}, {@code primary}. */
    private void accounts(Context ctx) {
        List<Map<String, Object>> accounts = listAccounts.list(sessions.visitor(ctx).requirePerson()).stream()
                .map(a -> Json.object("id", a.account().account().value(), "email", a.account().email().value(),
                        "state", AccountSwitch.stateCode(a.state()), "primary", a.primary()))
                .toList();
        Responses.json(ctx, 200, Json.object("accounts", accounts));
    }

    private void me(Context ctx) {
        UserId user = sessions.visitor(ctx).requireUser();
        UserIdentity identity = describeUser.describe(user)
                .orElseThrow(() -> new Failure.ConsentNeeded(new ConsentRequired(ConsentReason.NOT_AUTHORIZED, Optional.empty())));
        Responses.json(ctx, 200, Json.object("userId", identity.userId().value(), "email", identity.email().value()));
    }

    private void page(Context ctx) {
        ViewAccount.Account account = viewAccount.view(sessions.visitor(ctx).requireUser());
        var chrome = account.connection()
                .map(c -> pages.chrome(ctx, "Your connection", c.email(), c.accessEnd()))
                .orElseGet(() -> pages.chrome(ctx, "Your connection"));
        pages.render(ctx, 200, "account.jte", new AccountPage(chrome, account.connection().map(ConnectionRoutes::connection),
                account.hold().map(ConnectionRoutes::hold), account.history().stream().map(ConnectionRoutes::line).toList(),
                Links.LOGIN + "?prompt=consent"));
    }

    private void json(Context ctx) {
        ViewAccount.Account account = viewAccount.view(sessions.visitor(ctx).requireUser());
        Optional<ViewAccount.Connection> connection = account.connection();
        Responses.json(ctx, 200, Json.object(
                "userId", account.user().value(),
                "connected", connection.isPresent(),
                "email", connection.map(c -> c.email().value()),
                "connectedSince", connection.map(c -> c.connectedSince().toString()),
                "scopes", connection.map(c -> scopes(c).stream().toList()),
                "timeLimited", connection.map(ViewAccount.Connection::timeLimited).orElse(false),
                "accessEndsAt", connection.flatMap(ViewAccount.Connection::accessEnd).map(end -> end.at().toString()),
                "renewalOffered", connection.flatMap(ViewAccount.Connection::accessEnd).map(AccessEnd::renewalOffered).orElse(false),
                "lastRenewed", connection.flatMap(ViewAccount.Connection::lastRenewed).map(Instant::toString),
                "signInHold", account.hold().map(h -> Json.object("reason", h.reason(), "since", h.since().toString())),
                "history", account.history().stream().map(ConnectionRoutes::entry).toList()));
    }

    private static AccountPage.Connection connection(ViewAccount.Connection c) {
        return new AccountPage.Connection(c.email().value(), Formats.utcLong(c.connectedSince()),
                c.scopes().values().stream().sorted(Comparator.comparing(Scope::value)).map(ScopeWords::of).toList(),
                c.accessEnd().map(end -> Formats.utcLong(end.at())), c.accessEnd().map(AccessEnd::renewalOffered).orElse(false),
                Links.renew(c.email()), c.lastRenewed().map(Formats::utcLong).orElse("not since you connected"));
    }

    private static List<String> scopes(ViewAccount.Connection c) {
        return c.scopes().values().stream().map(Scope::value).sorted().toList();
    }

    private static String hold(SignInHold hold) {
        return "Since " + Formats.utcLong(hold.since()) + ", signing in with this Google account is refused: Google reported it hijacked ("
                + hold.reason() + "). It works again once Google restores the account.";
    }

    private static AccountPage.Line line(HistoryEntry entry) {
        return new AccountPage.Line(Formats.utcLong(entry.at()), entry.kind().name(), HistoryWords.of(entry.kind()), entry.detail().orElse(""));
    }

    private static Map<String, Object> entry(HistoryEntry entry) {
        return Json.object("at", entry.at().toString(), "kind", entry.kind().name(), "detail", entry.detail());
    }
}
