package dev.gmailserverauth.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a grant's life: the issuer the redirect back must name ({@code iss}, RFC 9207),
 * Cross-Account Protection (the RISC issuer, its configuration document, the receiver's path), and how
 * long before a time-limited grant ends the person is offered to renew it. In sandbox mode the issuers
 * are the sandbox's, whatever is configured here.
 *
 * @param issuer                 {@code GOOGLE_ISSUER}: the authorization server's {@code iss}
 * @param riscIssuer             {@code GOOGLE_RISC_ISSUER}: the {@code iss} of security event tokens
 * @param riscConfigurationUrl   {@code GOOGLE_RISC_CONFIGURATION_URL}; empty: {@code <riscIssuer>/.well-known/risc-configuration}
 * @param riscReceiverPath       {@code APP_RISC_RECEIVER_PATH}: where the app receives them
 * @param reauthNotice           {@code APP_REAUTH_NOTICE}: renewal offered this long before a time-limited grant ends
 */
public record LifecycleConfig(URI issuer, URI riscIssuer, Optional<URI> riscConfigurationUrl, String riscReceiverPath, Duration reauthNotice) {
    public static final URI GOOGLE_ISSUER = URI.create("https://accounts.google.com");
    public static final URI GOOGLE_RISC_ISSUER = URI.create("https://accounts.google.com/");
    public static final String DEFAULT_RISC_RECEIVER_PATH = "/risc/events";
    public static final Duration DEFAULT_REAUTH_NOTICE = Duration.ofDays(1);

    public LifecycleConfig {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(riscIssuer, "riscIssuer");
        Objects.requireNonNull(riscConfigurationUrl, "riscConfigurationUrl");
        Objects.requireNonNull(riscReceiverPath, "riscReceiverPath");
        Objects.requireNonNull(reauthNotice, "reauthNotice");
    }

    public static LifecycleConfig defaults() {
        return new LifecycleConfig(GOOGLE_ISSUER, GOOGLE_RISC_ISSUER, Optional.empty(), DEFAULT_RISC_RECEIVER_PATH, DEFAULT_REAUTH_NOTICE);
    }
}
