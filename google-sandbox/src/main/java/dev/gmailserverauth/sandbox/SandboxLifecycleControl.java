package dev.gmailserverauth.sandbox;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The control API of a grant's life: publishing status, Workspace policies, re-authentication, the person removing
 * the app, and Cross-Account Protection (RISC) events. Part of {@link SandboxControl}.
 */
public interface SandboxLifecycleControl {

    /**
     * The sandbox's OpenID issuer, equal to {@link GoogleSandbox#baseUrl()} (no trailing slash): the discovery
     * document's {@code issuer}, the {@code iss} of ID tokens and the {@code iss} parameter of every redirect back.
     */
    String issuer();

    /** The RISC issuer, {@link #issuer()} + "/" as Google's {@code https://accounts.google.com/}: {@code iss} of security event tokens. */
    String riscIssuer();

    /** From now on, refresh tokens this client is issued live 7 days under {@code TESTING} (scopes beyond sign-in only). */
    void setPublishingStatus(String clientId, SandboxClient.PublishingStatus status);

    /** Plays (or stops playing) a behaviour observed at Google but not documented; see {@link SandboxObservation}. */
    void observe(SandboxObservation observation, boolean on);

    /** The observed behaviours played now (empty: only what Google documents). */
    Set<SandboxObservation> observations();

    /** Makes the account a managed (Workspace) account with this policy. */
    void setWorkspacePolicy(String email, SandboxWorkspacePolicy policy);

    /** The account's Workspace policy; empty for a consumer account. */
    Optional<SandboxWorkspacePolicy> workspacePolicy(String email);

    /**
     * Refresh for this account answers {@code invalid_grant} / {@code reauth related error (invalid_rapt)} until the
     * person passes the authorization endpoint again. The grant is not revoked.
     */
    void requireReauthentication(String email);

    /**
     * What the person does on the account page ({@code /myaccount/permissions}): revokes the grant of that client
     * (every token, as {@code /revoke}) and pushes {@code tokens-revoked} to the registered receiver, in the
     * background, if the person had granted {@code email} or {@code profile}.
     *
     * @return whether there was a grant to remove
     */
    boolean removeAppAccess(String email, String clientId);

    /** Registers the receiver for every event type (as Google's {@code stream:update}); the stream is enabled. */
    void registerRiscReceiver(URI receiver);

    /** Registers the receiver for these event types only. */
    void registerRiscReceiver(URI receiver, List<SandboxSecurityEvent.Type> eventsRequested);

    /** Forgets the receiver; nothing is pushed any more. */
    void unregisterRiscReceiver();

    /** Signs and POSTs the event to the registered receiver now, and returns what happened. */
    SandboxRiscDelivery pushSecurityEvent(SandboxSecurityEvent event);

    /**
     * The same, spoiled on purpose.
     *
     * @throws IllegalStateException when no receiver is registered, the stream is disabled, or the stream did not
     *                               request this event type
     */
    SandboxRiscDelivery pushSecurityEvent(SandboxSecurityEvent event, SandboxSecurityEvent.Tampering tampering);

    /** POSTs the very token of an earlier delivery again (same {@code jti}), as Google's redelivery does. */
    SandboxRiscDelivery replaySecurityEvent(String jti);

    /** Every delivery so far, oldest first (at most the last 1,000). */
    List<SandboxRiscDelivery> riscDeliveries();

    /**
     * The next signing key becomes the current one and is published in the JWKS; the current one stays published
     * (tokens it signed still verify) and a new, unpublished next key is made.
     */
    void rotateSigningKey();
}
