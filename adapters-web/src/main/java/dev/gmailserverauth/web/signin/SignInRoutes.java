package dev.gmailserverauth.web.signin;

import dev.gmailserverauth.application.BeginAuthorization;
import dev.gmailserverauth.application.CompleteAuthorization;
import dev.gmailserverauth.application.SignedIn;
import dev.gmailserverauth.domain.model.AuthorizationOutcome;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import dev.gmailserverauth.web.shared.Chrome;
import dev.gmailserverauth.web.shared.ConsentPage;
import dev.gmailserverauth.web.shared.ConsentReasons;
import dev.gmailserverauth.web.shared.Csrf;
import dev.gmailserverauth.web.shared.ErrorPage;
import dev.gmailserverauth.web.shared.Failure;
import dev.gmailserverauth.web.shared.FormData;
import dev.gmailserverauth.web.shared.Formats;
import dev.gmailserverauth.web.shared.Links;
import dev.gmailserverauth.web.shared.PageRenderer;
import dev.gmailserverauth.web.shared.RequestValues;
import dev.gmailserverauth.web.shared.Sessions;
import dev.gmailserverauth.web.shared.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /}, {@code GET /login} and {@code GET /oauth2/callback}: signing in through Google's consent screen;
 * {@code GET /accounts/add?csrf=…}: a signed-in person adds another Google account, through Google's account
 * chooser. It carries the session's CSRF token, so another site cannot start it in the person's browser; a GET (a
 * link), because the page's CSP {@code form-action 'self'} would stop a form's redirect to Google;
 * {@code GET /login/workspace} (when a Workspace domain is configured): Google sign-in only, {@code openid email}, for
 * a person of the domain whose mailbox is read through delegation;
 * {@code POST /logout}: signing out of this browser (the grant stays).
 */
final class SignInRoutes {
    private static final String WORKSPACE_LOGIN = "/login/workspace";

    private final BeginAuthorization begin;
    private final CompleteAuthorization complete;
    private final Optional<WorkspaceDomain> workspace;
    private final Sessions sessions;
    private final SignInCookie signInCookie;
    private final SignInThrottle throttle;
    private final PageRenderer pages;

    SignInRoutes(BeginAuthorization begin, CompleteAuthorization complete, Optional<WorkspaceDomain> workspace, Sessions sessions, SignInCookie signInCookie,
            SignInThrottle throttle, PageRenderer pages) {
        this.begin = Objects.requireNonNull(begin);
        this.complete = Objects.requireNonNull(complete);
        this.workspace = Objects.requireNonNull(workspace);
        this.sessions = Objects.requireNonNull(sessions);
        this.signInCookie = Objects.requireNonNull(signInCookie);
        this.throttle = Objects.requireNonNull(throttle);
        this.pages = Objects.requireNonNull(pages);
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::landing);
        routes.get("/login", this::login);
        routes.get(WORKSPACE_LOGIN, this::workspaceLogin);
        routes.get("/oauth2/callback", this::callback);
        routes.get(Links.ADD_ACCOUNT, this::addAccount);
        routes.post("/logout", this::logout);
    }

    private void logout(Context ctx) {
        boolean signedIn = sessions.visitor(ctx).signedIn();
        sessions.signOut(ctx);
        ctx.redirect(signedIn ? "/?bye=signed-out" : "/", HttpStatus.SEE_OTHER);
    }

    private void landing(Context ctx) {
        if (sessions.visitor(ctx).signedIn()) {
            ctx.redirect(Links.MESSAGES, HttpStatus.FOUND);
            return;
        }
        Optional<String> notice = FormData.parse(ctx.queryString()).get("bye").flatMap(SignInRoutes::farewell);
        pages.render(ctx, 200, "landing.jte", new LandingPage(pages.chrome(ctx, "Sign in"), notice,
                workspace.map(WorkspaceDomain::value)));
    }

    /**
     * The one place a consent URL is made (and its pending authorization stored): only when a browser
     * asks to sign in. {@code prompt=consent} forces the consent screen; a signed-in visitor is the known user.
     */
    private void login(Context ctx) {
        FormData params = FormData.parse(ctx.queryString());
        Optional<EmailAddress> hint = RequestValues.loginHint(params);
        boolean force = RequestValues.forceConsent(params);
        throttle.take(ctx.ip()).ifPresent(wait -> {
            throw new Failure.TooManyRequests("Too many sign-ins from your address in a short time. Please wait a moment and try again.", wait);
        });
        BrowserNonce nonce = signInCookie.issue(ctx);
        redirectToConsent(ctx, new BeginAuthorization.Command(sessions.visitor(ctx).user(), hint, force, nonce.binding()), HttpStatus.FOUND);
    }

    /**
     * "Add another Google account": Google's account chooser, bound to this browser (its sign-in nonce) and to
     * this person (the pending authorization records whom the account will be linked to).
     */
    private void addAccount(Context ctx) {
        Visitor visitor = sessions.visitor(ctx);
        PersonId person = visitor.requirePerson().person();
        FormData params = FormData.parse(ctx.queryString());
        if (!Csrf.matches(visitor.token().orElseThrow(), params.get(Csrf.FIELD).orElse(""))) {
            throw new Failure.Forbidden("This link to add an account is missing its anti-forgery token or it does not match your session."
                    + " Go back, reload the page and try again.");
        }
        throttle.take(ctx.ip()).ifPresent(wait -> {
            throw new Failure.TooManyRequests("Too many sign-ins from your address in a short time. Please wait a moment and try again.", wait);
        });
        BrowserNonce nonce = signInCookie.issue(ctx);
        boolean force = RequestValues.forceConsent(params);
        redirectToConsent(ctx, BeginAuthorization.Command.link(person, force, nonce.binding()), HttpStatus.FOUND);
    }

    /**
     * "Sign in with your Workspace account": throttled and bound to this browser like a consent sign-in; the domain
     * is recorded with the pending authorization, so the callback completes it as this kind and no other.
     */
    private void workspaceLogin(Context ctx) {
        WorkspaceDomain domain = workspace.orElseThrow(() -> new Failure.NotFound("There is no Workspace sign-in here."));
        throttle.take(ctx.ip()).ifPresent(wait -> {
            throw new Failure.TooManyRequests("Too many sign-ins from your address in a short time. Please wait a moment and try again.", wait);
        });
        BrowserNonce nonce = signInCookie.issue(ctx);
        redirect(ctx, begin.beginWorkspace(domain, nonce.binding()), HttpStatus.FOUND);
    }

    private void redirectToConsent(Context ctx, BeginAuthorization.Command command, HttpStatus status) {
        redirect(ctx, begin.begin(command), status);
    }

    private static void redirect(Context ctx, BeginAuthorization.Start start, HttpStatus status) {
        AuthorizationUrl consent = start.fold(BeginAuthorization.Start.Started::url, busy -> {
            throw new Failure.TooManyRequests("Too many people are signing in right now. Please try again in a minute.", busy.retryAfter());
        });
        ctx.redirect(Links.consent(consent), status);
    }

    private void callback(Context ctx) {
        FormData params = FormData.parse(ctx.queryString());
        AuthorizationOutcome outcome = complete.complete(
                new CompleteAuthorization.Callback(params.get("state"), params.get("code"), params.get("error"), signInCookie.presented(ctx),
                        params.get("iss"), sessions.visitor(ctx).personId()));
        outcome.fold(authorized -> {
            if (authorized.linked()) {
                // The person stays signed in as they were; the new account opens in the page they come back to.
                ctx.redirect(Links.messagesOf(authorized.userId()), HttpStatus.FOUND);
            } else {
                sessions.signIn(ctx, authorized.person(), authorized.userId());
                ctx.redirect(Links.MESSAGES, HttpStatus.FOUND);
            }
            return outcome;
        }, consent -> {
            pages.render(ctx, 200, "consent.jte", consentPage(ctx, consent));
            return outcome;
        }, refused -> {
            pages.render(ctx, 403, "error.jte", new ErrorPage(pages.chrome(ctx, "Sign-in suspended"), 403, "Sign-in suspended",
                    "Google reported this Google account hijacked (" + refused.hold().reason() + ", since "
                            + Formats.utcLong(refused.hold().since()) + "), so signing in with it is refused until Google restores"
                            + " the account. Nothing was stored."));
            return outcome;
        }, linkRefused -> {
            pages.render(ctx, 409, "error.jte", new ErrorPage(pages.chrome(ctx, "Account not added"), 409, "Account not added",
                    linkRefused.email().value() + " is already linked to someone else who uses this app, so it was not added to your"
                            + " accounts. A Google account belongs to one person here: to use it with yours, that person must"
                            + " disconnect it first. Nothing was changed."));
            return outcome;
        }, workspaceRefused -> {
            pages.render(ctx, 403, "error.jte", new ErrorPage(pages.chrome(ctx, "Sign-in refused"), 403, "Sign-in refused",
                    workspaceRefused.reason() + " Nothing was stored."));
            return outcome;
        }, rejected -> {
            pages.render(ctx, 400, "error.jte", new ErrorPage(pages.chrome(ctx, "Sign-in failed"), 400, "Sign-in failed", rejected.reason()));
            return outcome;
        });
    }

    /**
     * Why consent is needed, and the way back. A signed-in person whose sign-in came back with an account that is
     * not one of theirs (adding another account, which needs a new consent for a refresh token) goes back the
     * same way, through "Add another Google account", so the account is linked to them rather than signed in alone.
     */
    private ConsentPage consentPage(Context ctx, AuthorizationOutcome.ConsentRequired consent) {
        Chrome chrome = pages.chrome(ctx, ConsentReasons.heading(consent.reason()));
        ConsentPage page = ConsentReasons.page(chrome, consent);
        Optional<SignedIn> person = sessions.visitor(ctx).person();
        boolean another = person.isPresent() && consent.loginHint().flatMap(hint -> person.get().account(hint.value())).isEmpty();
        if (!another) return page;
        return new ConsentPage(page.chrome(), page.heading(), page.reasonCode(), page.explanation(),
                Links.addAccount(chrome.csrfToken(), consent.reason().needsNewRefreshToken()));
    }

    private static Optional<String> farewell(String code) {
        return switch (code) {
            case "signed-out" -> Optional.of("You are signed out. The app keeps its access to your mailbox until you disconnect it.");
            case "disconnected" -> Optional.of("Disconnected: access was revoked at Google and everything stored about you here was"
                    + " deleted, except the date you disconnected and, if Google reported your account hijacked, the hold on signing in"
                    + " until Google restores it.");
            default -> Optional.empty();
        };
    }
}
