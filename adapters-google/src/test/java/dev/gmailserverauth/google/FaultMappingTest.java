package dev.gmailserverauth.google;

import static dev.gmailserverauth.google.GoogleRoundTripTest.complete;
import static dev.gmailserverauth.google.GoogleRoundTripTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.error.ProviderConfigurationException;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.port.AuthorizationProvider.CodeExchange;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Identification;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Revocation;
import dev.gmailserverauth.domain.port.MailboxResponse;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fault kind the sandbox can inject, on every endpoint the adapters call, mapped to its documented outcome. */
class FaultMappingTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(700);
    private static final Fault SLOWER_THAN_READ_TIMEOUT = new Fault.Delay(Duration.ofMillis(1500));
    private static final Fault BACKEND_ERROR = new Fault.HttpError(500, "backendError", "Backend Error", Optional.empty());
    private static final Fault UNAVAILABLE = new Fault.HttpError(503, "backendError", "The service is currently unavailable.", Optional.empty());
    private static final MailQuery FIRST_PAGE = MailQuery.firstPage(SearchQuery.ALL, new PageSize(10));
    /** Started with the class, closed after its last test. */
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox(READ_TIMEOUT);

    private String email;
    private TokenGrant grant;
    private MailboxAccess token;

    @BeforeEach
    void account() {
        email = sandbox.newAccount("faults");
        IntStream.range(0, 5).forEach(i -> control().addMessage(email,
                SandboxMessage.of("Bob <bob@example.org>", email, "Message " + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "Body")));
        grant = sandbox.authorize(email, true);
        token = sandbox.access(email, grant.accessToken().token());
        control().resetCounters();
    }

    @AfterEach
    void clearFaults() {
        control().clearFaults();
    }

    private static SandboxControl control() {
        return sandbox.control();
    }

    private RefreshToken refreshToken() {
        return grant.refreshToken().orElseThrow();
    }

    private List<MessageId> ids() {
        List<MessageId> ids = ok(sandbox.mailbox().listMessages(token, FIRST_PAGE)).items().stream().map(MessageRef::id).toList();
        control().resetCounters();
        return ids;
    }

    private AuthorizationRequest consented;

    private AuthorizationCode freshCode() {
        consented = sandbox.request(email, true);
        AuthorizationCode code = sandbox.browser.consent(sandbox.provider().authorizationUrl(consented), email, true);
        control().resetCounters();
        return code;
    }

    private CodeExchange exchange(AuthorizationCode code) {
        return sandbox.provider().exchange(code, consented.verifier(), Sandbox.REDIRECT_URI);
    }

    // ---- token endpoint: refresh ----

    static Stream<Fault> transientFaults() {
        return Stream.of(BACKEND_ERROR, UNAVAILABLE, new Fault.HttpError(502, "backendError", "Bad Gateway", Optional.empty()),
                new Fault.HttpError(504, "backendError", "Gateway Timeout", Optional.empty()),
                new Fault.HttpError(429, "rateLimitExceeded", "Resource has been exhausted (e.g. check quota).", Optional.empty()),
                new Fault.MalformedJson(), new Fault.DropConnection(), SLOWER_THAN_READ_TIMEOUT);
    }

    @ParameterizedTest
    @MethodSource("transientFaults")
    void refreshRetriesATransientFailureOnce(Fault fault) {
        control().injectFault(Endpoint.TOKEN, 1, fault);
        assertThat(sandbox.provider().refresh(refreshToken())).isInstanceOf(Refresh.Refreshed.class);
    }

    @Test
    void refreshGivesUpAfterThreeTransientFailures() {
        control().injectFault(Endpoint.TOKEN, 3, UNAVAILABLE);
        assertThatThrownBy(() -> sandbox.provider().refresh(refreshToken()))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("503");
        assertThat(control().counters().roundTrips(Endpoint.TOKEN)).isEqualTo(3);
    }

    @Test
    void refreshHonoursRetryAfter() {
        control().injectFault(Endpoint.TOKEN, 1, Fault.rateLimited(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        assertThat(sandbox.provider().refresh(refreshToken())).isInstanceOf(Refresh.Refreshed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refreshWithInvalidGrantIsRevoked() {
        control().injectFault(Endpoint.TOKEN, 1, new Fault.InvalidGrant());
        assertThat(sandbox.provider().refresh(refreshToken())).isInstanceOfSatisfying(Refresh.Revoked.class,
                revoked -> assertThat(revoked.reason()).contains("invalid_grant"));
        assertThat(control().counters().roundTrips(Endpoint.TOKEN)).isEqualTo(1);
    }

    static Stream<Arguments> clientErrors() {
        return Stream.of(
                Arguments.of(401, "invalid_client"),
                Arguments.of(401, "unauthorized_client"),
                Arguments.of(400, "redirect_uri_mismatch"),
                Arguments.of(400, "invalid_request"));
    }

    @ParameterizedTest
    @MethodSource("clientErrors")
    void clientErrorsOnRefreshAreConfigurationErrors(int status, String error) {
        control().injectFault(Endpoint.TOKEN, 1, new Fault.HttpError(status, error, "Unauthorized", Optional.empty()));
        assertThatThrownBy(() -> sandbox.provider().refresh(refreshToken()))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining(error);
        assertThat(control().counters().roundTrips(Endpoint.TOKEN)).isEqualTo(1);
    }

    // ---- token endpoint: code exchange ----

    @Test
    void exchangeWithInvalidGrantIsRejected() {
        AuthorizationCode code = freshCode();
        control().injectFault(Endpoint.TOKEN, 1, new Fault.InvalidGrant());
        assertThat(exchange(code)).isInstanceOf(CodeExchange.Rejected.class);
    }

    @ParameterizedTest
    @MethodSource("clientErrors")
    void clientErrorsOnExchangeAreConfigurationErrors(int status, String error) {
        AuthorizationCode code = freshCode();
        control().injectFault(Endpoint.TOKEN, 1, new Fault.HttpError(status, error, "Bad Request", Optional.empty()));
        assertThatThrownBy(() -> exchange(code)).isInstanceOf(ProviderConfigurationException.class).hasMessageContaining(error);
    }

    @ParameterizedTest
    @MethodSource("transientFaults")
    void aTransientFailureOnExchangeIsUnavailableWithoutARetry(Fault fault) {
        AuthorizationCode code = freshCode();
        control().injectFault(Endpoint.TOKEN, 1, fault);
        assertThatThrownBy(() -> exchange(code)).isInstanceOf(ProviderUnavailableException.class);
        assertThat(control().counters().codeExchanges()).isLessThanOrEqualTo(1);
    }

    // ---- userinfo ----

    @ParameterizedTest
    @MethodSource("transientFaults")
    void identifyRetriesATransientFailure(Fault fault) {
        control().injectFault(Endpoint.USERINFO, 1, fault);
        assertThat(sandbox.provider().identify(token.token())).isInstanceOf(Identification.Identified.class);
    }

    @Test
    void identifyGivesUpAfterThreeTransientFailures() {
        control().injectFault(Endpoint.USERINFO, 3, BACKEND_ERROR);
        assertThatThrownBy(() -> sandbox.provider().identify(token.token())).isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void identifyWithARevokedTokenIsUnauthorized() {
        control().injectFault(Endpoint.USERINFO, 1, new Fault.InvalidGrant());
        assertThat(sandbox.provider().identify(token.token())).isInstanceOf(Identification.Unauthorized.class);
    }

    // ---- revoke ----

    /** Not MalformedJson: a 200 from /revoke means revoked whatever its body, but the sandbox's fault does not revoke. */
    static Stream<Fault> revokeTransientFaults() {
        return transientFaults().filter(f -> !(f instanceof Fault.MalformedJson));
    }

    @ParameterizedTest
    @MethodSource("revokeTransientFaults")
    void revokeRetriesATransientFailure(Fault fault) {
        control().injectFault(Endpoint.REVOKE, 1, fault);
        assertThat(sandbox.provider().revoke(refreshToken())).isIn(Revocation.REVOKED, Revocation.ALREADY_INVALID);
        assertThat(sandbox.provider().refresh(refreshToken())).isInstanceOf(Refresh.Revoked.class);
    }

    @Test
    void revokeAnsweredWithAny400MeansTheTokenIsAlreadyUnusable() {
        control().injectFault(Endpoint.REVOKE, 1, new Fault.InvalidGrant());
        assertThat(sandbox.provider().revoke(refreshToken())).isEqualTo(Revocation.ALREADY_INVALID);
    }

    @Test
    void revokeAnsweredWithAnotherClientErrorIsAConfigurationProblem() {
        control().injectFault(Endpoint.REVOKE, 1, new Fault.HttpError(404, "notFound", "Not Found", Optional.empty()));
        assertThatThrownBy(() -> sandbox.provider().revoke(refreshToken()))
                .isInstanceOf(dev.gmailserverauth.domain.error.ProviderConfigurationException.class)
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void revokeOfAGarbageTokenIsAlreadyInvalid() {
        assertThat(sandbox.provider().revoke(new RefreshToken("1//never-issued"))).isEqualTo(Revocation.ALREADY_INVALID);
    }

    // ---- Gmail: single calls ----

    static Stream<Fault> gmailTransientFaults() {
        return Stream.concat(transientFaults(), Stream.of(Fault.userRateLimitExceeded(),
                new Fault.HttpError(403, "rateLimitExceeded", "Rate Limit Exceeded", Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("gmailTransientFaults")
    void listRetriesATransientFailure(Fault fault) {
        control().injectFault(Endpoint.MESSAGES_LIST, 1, fault);
        assertThat(ok(sandbox.mailbox().listMessages(token, FIRST_PAGE)).items()).hasSize(5);
        assertThat(control().counters().roundTrips(Endpoint.MESSAGES_LIST)).isEqualTo(2);
    }

    @Test
    void listHonoursRetryAfter() {
        control().injectFault(Endpoint.MESSAGES_LIST, 1, Fault.rateLimited(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        assertThat(ok(sandbox.mailbox().listMessages(token, FIRST_PAGE)).items()).hasSize(5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void listGivesUpAfterThreeTries() {
        control().injectFault(Endpoint.MESSAGES_LIST, 5, BACKEND_ERROR);
        assertThatThrownBy(() -> sandbox.mailbox().listMessages(token, FIRST_PAGE))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("500 backendError");
        assertThat(control().counters().roundTrips(Endpoint.MESSAGES_LIST)).isEqualTo(3);
    }

    static Stream<Arguments> gmailOutcomes() {
        return Stream.of(
                Arguments.of(new Fault.InvalidGrant(), MailboxResponse.Unauthorized.class),
                Arguments.of(new Fault.HttpError(401, "authError", "Invalid Credentials", Optional.empty()), MailboxResponse.Unauthorized.class),
                Arguments.of(new Fault.HttpError(403, "insufficientPermissions", "Insufficient Permission", Optional.empty()),
                        MailboxResponse.InsufficientScope.class),
                Arguments.of(new Fault.HttpError(404, "notFound", "Requested entity was not found.", Optional.empty()), MailboxResponse.NotFound.class),
                Arguments.of(new Fault.HttpError(400, "invalidArgument", "Invalid pageToken", Optional.empty()), MailboxResponse.BadRequest.class));
    }

    @ParameterizedTest
    @MethodSource("gmailOutcomes")
    void listMapsEachDocumentedErrorToItsOutcomeWithoutRetrying(Fault fault, Class<?> outcome) {
        control().injectFault(Endpoint.MESSAGES_LIST, 1, fault);
        assertThat(sandbox.mailbox().listMessages(token, FIRST_PAGE)).isInstanceOf(outcome);
        assertThat(control().counters().roundTrips(Endpoint.MESSAGES_LIST)).isEqualTo(1);
    }

    @Test
    void aBadRequestCarriesGooglesMessage() {
        control().injectFault(Endpoint.MESSAGES_LIST, 1, new Fault.HttpError(400, "invalidArgument", "Invalid pageToken", Optional.empty()));
        assertThat(sandbox.mailbox().listMessages(token, FIRST_PAGE)).isEqualTo(new MailboxResponse.BadRequest<>("Invalid pageToken"));
    }

    @Test
    void aQuotaThatRetryingCannotFixIsUnavailableAtOnce() {
        control().injectFault(Endpoint.MESSAGES_LIST, 1, new Fault.HttpError(403, "dailyLimitExceeded", "Daily Limit Exceeded", Optional.empty()));
        assertThatThrownBy(() -> sandbox.mailbox().listMessages(token, FIRST_PAGE))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("dailyLimitExceeded");
        assertThat(control().counters().roundTrips(Endpoint.MESSAGES_LIST)).isEqualTo(1);
    }

    static Stream<Arguments> otherReads() {
        Function<FaultMappingTest, MailboxResponse<?>> getMessage = t -> sandbox.mailbox().getMessage(t.token, t.ids().get(0));
        Function<FaultMappingTest, MailboxResponse<?>> listThreads = t -> sandbox.mailbox().listThreads(t.token, FIRST_PAGE);
        Function<FaultMappingTest, MailboxResponse<?>> getThread = t -> sandbox.mailbox().getThread(t.token,
                ok(sandbox.mailbox().listThreads(t.token, FIRST_PAGE)).items().get(0).id());
        Function<FaultMappingTest, MailboxResponse<?>> listLabels = t -> sandbox.mailbox().listLabels(t.token);
        return Stream.of(Arguments.of(Endpoint.MESSAGES_GET, getMessage), Arguments.of(Endpoint.THREADS_LIST, listThreads),
                Arguments.of(Endpoint.THREADS_GET, getThread), Arguments.of(Endpoint.LABELS_LIST, listLabels));
    }

    @ParameterizedTest
    @MethodSource("otherReads")
    void everyReadRetriesATransientFailureAndMapsA401(Endpoint endpoint, Function<FaultMappingTest, MailboxResponse<?>> read) {
        control().injectFault(endpoint, 1, UNAVAILABLE);
        assertThat(read.apply(this)).isInstanceOf(MailboxResponse.Ok.class);
        control().injectFault(endpoint, 1, new Fault.InvalidGrant());
        assertThat(read.apply(this)).isInstanceOf(MailboxResponse.Unauthorized.class);
    }

    // ---- Gmail: batched summaries ----

    @Test
    void aTransientlyFailedBatchPartIsRetriedAlone() {
        List<MessageId> ids = ids();
        control().injectFault(Endpoint.MESSAGES_GET, 1, UNAVAILABLE);
        assertThat(complete(sandbox.mailbox().summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
        assertThat(control().counters().roundTrips(Endpoint.BATCH)).isEqualTo(2);
        assertThat(control().counters().batchParts()).isEqualTo(ids.size() + 1);
    }

    /** A server error on every try; a quota refusal on every try is "rate limited" instead (GmailLimitsTest). */
    @Test
    void aBatchPartThatKeepsFailingMakesTheMailboxUnavailable() {
        List<MessageId> ids = ids().subList(0, 1);
        control().injectFault(Endpoint.MESSAGES_GET, 3, UNAVAILABLE);
        assertThatThrownBy(() -> sandbox.mailbox().summarize(token, ids)).isInstanceOf(ProviderUnavailableException.class);
        assertThat(control().counters().roundTrips(Endpoint.BATCH)).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("gmailOutcomes")
    void aFailedBatchPartMapsToItsOutcome(Fault fault, Class<?> outcome) {
        List<MessageId> ids = ids();
        control().injectFault(Endpoint.MESSAGES_GET, 1, fault);
        MailboxResponse<Summaries> response = sandbox.mailbox().summarize(token, ids);
        if (outcome == MailboxResponse.NotFound.class) {
            // A message gone since the list is left out, the rest is shown.
            assertThat(complete(response)).extracting(MessageSummary::id).containsExactlyElementsOf(ids.subList(1, ids.size()));
        } else {
            assertThat(response).isInstanceOf(outcome);
        }
    }

    static Stream<Fault> batchEndpointFaults() {
        return Stream.of(UNAVAILABLE, BACKEND_ERROR, new Fault.DropConnection(), new Fault.MalformedJson(), SLOWER_THAN_READ_TIMEOUT,
                Fault.rateLimited(Duration.ZERO));
    }

    @ParameterizedTest
    @MethodSource("batchEndpointFaults")
    void whenTheBatchEndpointFailsSummariesComeFromSingleGets(Fault fault) {
        List<MessageId> ids = ids();
        control().injectFault(Endpoint.BATCH, 1, fault);
        assertThat(complete(sandbox.mailbox().summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
        assertThat(control().counters().roundTrips(Endpoint.BATCH)).isEqualTo(1);
        assertThat(control().counters().roundTrips(Endpoint.MESSAGES_GET)).isEqualTo(ids.size());
    }

    @Test
    void anUnparsableBatchPartFallsBackToSingleGetsForTheRest() {
        List<MessageId> ids = ids();
        control().injectFault(Endpoint.MESSAGES_GET, 1, new Fault.MalformedJson());
        assertThat(complete(sandbox.mailbox().summarize(token, ids))).extracting(MessageSummary::id).containsExactlyElementsOf(ids);
    }

    @Test
    void singleGetsAfterABatchFailureStillMapA401() {
        List<MessageId> ids = ids();
        control().injectFault(Endpoint.BATCH, 1, UNAVAILABLE);
        control().expireAccessTokens(email);
        assertThat(sandbox.mailbox().summarize(token, ids)).isInstanceOf(MailboxResponse.Unauthorized.class);
    }
}
