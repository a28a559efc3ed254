package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.fake.Fixtures;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AuthorizationProvider.CodeExchange;
import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxConfig;
import dev.gmailserverauth.sandbox.SandboxControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox, started in-process on a free port, and the adapters pointed at it over real HTTP, with
 * short time-outs and a quick retry policy so that fault tests stay fast. One per test class, as
 * {@code @RegisterExtension static final Sandbox sandbox = new Sandbox();}.
 */
final class Sandbox implements AutoCloseable, AfterAllCallback {
    static final RedirectUri REDIRECT_URI = Fixtures.REDIRECT_URI;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofSeconds(10));
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    final GoogleSandbox sandbox;
    final GoogleAdapterConfig config;
    final GoogleAdapters adapters;
    final SandboxBrowser browser = new SandboxBrowser();

    Sandbox() {
        this(READ_TIMEOUT);
    }

    Sandbox(Duration readTimeout) {
        sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of(REDIRECT_URI.value().toString())).withDemoData(false));
        config = GoogleAdapterConfig.forSandbox(sandbox.baseUrl(), SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET)
                .withTimeouts(Duration.ofSeconds(2), readTimeout)
                .withRetryPolicy(FAST_RETRIES)
                // The limits tests watch a person's concurrency adapt from the ceiling down; the start has its own test.
                .withLimits(GmailLimits.DEFAULT.withStartingConcurrency(GmailLimits.MAX_BATCH));
        adapters = GoogleAdapters.create(config, Clock.systemUTC());
    }

    /** As a JUnit extension on a static field: closed after the class's last test. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    SandboxControl control() {
        return sandbox.control();
    }

    GoogleAuthorizationProvider provider() {
        return adapters.authorizationProvider();
    }

    GmailMailbox mailbox() {
        return adapters.mailbox();
    }

    /** A fresh account with a unique address. */
    String newAccount(String prefix) {
        String email = prefix + "-" + ACCOUNTS.incrementAndGet() + "@example.com";
        control().addAccount(email, "Test " + prefix);
        return email;
    }

    AuthorizationRequest request(String email, boolean forceConsent) {
        return new AuthorizationRequest(AuthorizationState.random(), PkceVerifier.random(), REDIRECT_URI, Scopes.REQUESTED,
                Optional.of(new EmailAddress(email)), forceConsent);
    }

    /** Consent (as the browser) and code exchange: the grant the application would store. */
    TokenGrant authorize(String email, boolean grantGmail) {
        AuthorizationRequest request = request(email, true);
        AuthorizationUrl url = provider().authorizationUrl(request);
        CodeExchange exchange = provider().exchange(browser.consent(url, email, grantGmail), request.verifier(), REDIRECT_URI);
        if (!(exchange instanceof CodeExchange.Exchanged exchanged)) throw new AssertionError("exchange failed: " + exchange);
        return exchanged.grant();
    }

    /** Consent and code exchange, then the person and their access token as the application hands them to the mailbox. */
    MailboxAccess access(String email, boolean grantGmail) {
        return access(email, authorize(email, grantGmail).accessToken().token());
    }

    /** This token of the person with this address, named by their Google user id. */
    MailboxAccess access(String email, AccessToken token) {
        return new MailboxAccess(new UserId(control().userId(email)), token);
    }

    @Override
    public void close() {
        adapters.close();
        sandbox.close();
    }
}
