package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.port.AuthorizationProvider.CodeExchange;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Identification;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Revocation;
import dev.gmailserverauth.domain.port.MailboxResponse;
import dev.gmailserverauth.sandbox.Counters;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole server-side flow as the application runs it, against the sandbox. */
class GoogleRoundTripTest {
    private static final Instant JAN_1 = Instant.parse("2026-01-01T09:00:00Z");
    /** Started with the class, closed after its last test. */
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    static <T> T ok(MailboxResponse<T> response) {
        assertThat(response).isInstanceOf(MailboxResponse.Ok.class);
        return ((MailboxResponse.Ok<T>) response).value();
    }

    /** The summaries of a complete answer (none missing). */
    static List<MessageSummary> complete(MailboxResponse<Summaries> response) {
        Summaries summaries = ok(response);
        assertThat(summaries.missing()).as("missing ids").isEmpty();
        return summaries.found();
    }

    private static String accountWith(int messages) {
        String email = sandbox.newAccount("trip");
        IntStream.range(0, messages).forEach(i -> sandbox.control().addMessage(email,
                SandboxMessage.of("Bob <bob@example.org>", email, "Message " + i, JAN_1.plusSeconds(60L * i), "Body " + i)));
        return email;
    }

    @Test
    void authorizeIdentifyListAndReadAMessage() {
        String email = accountWith(3);
        AuthorizationRequest request = sandbox.request(email, true);
        CodeExchange exchange = sandbox.provider().exchange(
                sandbox.browser.consent(sandbox.provider().authorizationUrl(request), email, true), request.verifier(), Sandbox.REDIRECT_URI);
        TokenGrant grant = ((CodeExchange.Exchanged) exchange).grant();
        assertThat(grant.refreshToken()).isPresent();
        assertThat(grant.grantedScopes().grantsGmailRead()).isTrue();

        Identification identification = sandbox.provider().identify(grant.accessToken().token());
        assertThat(identification).isInstanceOfSatisfying(Identification.Identified.class, identified -> {
            assertThat(identified.identity().email()).isEqualTo(new EmailAddress(email));
            assertThat(identified.identity().userId().value()).isEqualTo(sandbox.control().userId(email));
        });

        MailboxAccess token = sandbox.access(email, grant.accessToken().token());
        Page<MessageRef> page = ok(sandbox.mailbox().listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(10))));
        List<MessageSummary> summaries = complete(sandbox.mailbox().summarize(token, page.items().stream().map(MessageRef::id).toList()));
        assertThat(summaries).extracting(MessageSummary::subject).containsExactly("Message 2", "Message 1", "Message 0");
        assertThat(summaries.get(0).date()).isEqualTo(JAN_1.plusSeconds(120));
        assertThat(summaries.get(0).from()).isEqualTo("Bob <bob@example.org>");
        assertThat(summaries.get(0).unread()).isTrue();

        Message message = ok(sandbox.mailbox().getMessage(token, summaries.get(0).id()));
        assertThat(message.textBody()).hasValueSatisfying(body -> assertThat(body).contains("Body 2"));
        assertThat(ok(sandbox.mailbox().getThread(token, message.threadId())).messages()).extracting(Message::id).contains(message.id());
    }

    @Test
    void aPageOfFiftySummariesTakesTwoRoundTrips() {
        String email = accountWith(60);
        MailboxAccess token = sandbox.access(email, true);
        sandbox.control().resetCounters();

        Page<MessageRef> page = ok(sandbox.mailbox().listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(50))));
        List<MessageSummary> summaries = complete(sandbox.mailbox().summarize(token, page.items().stream().map(MessageRef::id).toList()));

        Counters counters = sandbox.control().counters();
        assertThat(summaries).hasSize(50);
        assertThat(page.nextPageToken()).isPresent();
        assertThat(counters.totalRoundTrips()).isLessThanOrEqualTo(2);
        assertThat(counters.roundTrips(Endpoint.MESSAGES_LIST)).isEqualTo(1);
        assertThat(counters.roundTrips(Endpoint.BATCH)).isEqualTo(1);
        assertThat(counters.batchParts()).isEqualTo(50);
    }

    @Test
    void moreThanFiftyIdsAreSplitIntoBatchesOfFifty() {
        String email = accountWith(120);
        MailboxAccess token = sandbox.access(email, true);
        List<MessageId> ids = ok(sandbox.mailbox().listMessages(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(120))))
                .items().stream().map(MessageRef::id).toList();
        sandbox.control().resetCounters();

        assertThat(complete(sandbox.mailbox().summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
        assertThat(sandbox.control().counters().roundTrips(Endpoint.BATCH)).isEqualTo(3);
    }

    @Test
    void afterForcedExpiryTheMailboxSays401AndOneRefreshFixesIt() {
        String email = accountWith(1);
        TokenGrant grant = sandbox.authorize(email, true);
        sandbox.control().expireAccessTokens(email);
        MailQuery query = MailQuery.firstPage(SearchQuery.ALL, new PageSize(10));
        assertThat(sandbox.mailbox().listMessages(sandbox.access(email, grant.accessToken().token()), query)).isInstanceOf(MailboxResponse.Unauthorized.class);

        long refreshesBefore = sandbox.control().counters().refreshes();
        Refresh refresh = sandbox.provider().refresh(grant.refreshToken().orElseThrow());
        assertThat(refresh).isInstanceOf(Refresh.Refreshed.class);
        AccessToken fresh = ((Refresh.Refreshed) refresh).grant().accessToken().token();
        assertThat(ok(sandbox.mailbox().listMessages(sandbox.access(email, fresh), query)).items()).hasSize(1);
        assertThat(sandbox.control().counters().refreshes()).isEqualTo(refreshesBefore + 1);
    }

    @Test
    void theMailboxNeverRefreshesByItself() {
        String email = accountWith(1);
        TokenGrant grant = sandbox.authorize(email, true);
        sandbox.control().expireAccessTokens(email);
        sandbox.control().resetCounters();
        sandbox.mailbox().listMessages(sandbox.access(email, grant.accessToken().token()), MailQuery.firstPage(SearchQuery.ALL, new PageSize(10)));
        assertThat(sandbox.control().counters().roundTrips(Endpoint.TOKEN)).isZero();
    }

    @Test
    void afterRevocationRefreshIsRevokedAndMailReadsAreUnauthorized() {
        String email = accountWith(1);
        TokenGrant grant = sandbox.authorize(email, true);
        assertThat(sandbox.provider().revoke(grant.refreshToken().orElseThrow())).isEqualTo(Revocation.REVOKED);
        assertThat(sandbox.provider().refresh(grant.refreshToken().orElseThrow())).isInstanceOf(Refresh.Revoked.class);
        assertThat(sandbox.mailbox().listLabels(sandbox.access(email, grant.accessToken().token()))).isInstanceOf(MailboxResponse.Unauthorized.class);
    }

    @Test
    void revokedGrantsFromTheAccountPageGiveRevokedOnRefresh() {
        String email = accountWith(0);
        TokenGrant grant = sandbox.authorize(email, true);
        sandbox.control().revokeGrants(email);
        assertThat(sandbox.provider().refresh(grant.refreshToken().orElseThrow())).isInstanceOf(Refresh.Revoked.class);
    }

    @Test
    void aUserWhoCancelsIsSentBackWithAccessDenied() {
        String email = accountWith(0);
        AuthorizationRequest request = sandbox.request(email, false);
        SandboxBrowser.Redirect redirect = sandbox.browser.decide(sandbox.provider().authorizationUrl(request), email, true, false);
        assertThat(redirect.param("error")).contains("access_denied");
        assertThat(redirect.param("state")).contains(request.state().value());
    }

    @Test
    void aCodeExchangedWithAnotherRedirectUriIsAConfigurationError() {
        String email = accountWith(0);
        AuthorizationRequest request = sandbox.request(email, true);
        var code = sandbox.browser.consent(sandbox.provider().authorizationUrl(request), email, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.provider().exchange(code, request.verifier(),
                        dev.gmailserverauth.domain.model.RedirectUri.of("http://localhost:9999/elsewhere")))
                .isInstanceOf(dev.gmailserverauth.domain.error.ProviderConfigurationException.class)
                .hasMessageContaining("redirect_uri_mismatch");
    }
}
