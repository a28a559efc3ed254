package dev.gmailserverauth.sandbox;

import java.util.Locale;

/**
 * Behaviour reported from real Google but not in its documentation. By default the sandbox plays what Google
 * documents; each of these is off until a {@link SandboxConfig} or the control API turns it on
 * ({@link SandboxLifecycleControl#observe}).
 */
public enum SandboxObservation {
    /**
     * Every refresh token a client in "Testing" gets (for more than basic sign-in) comes with
     * {@code refresh_token_expires_in} (604799). Documented: those tokens expire after 7 days, which the
     * sandbox always enforces, and the field comes with time-based access; observed: it also announces the
     * Testing expiry.
     */
    TESTING_EXPIRY_ANNOUNCED,
    /**
     * Google Cloud session control answers a refresh with {@code invalid_rapt} for every grant of the managed
     * account, a Gmail-only one included (reported). Documented: it applies to apps that need the Cloud
     * Platform scope ({@code https://www.googleapis.com/auth/cloud-platform}), and only those grants get it.
     */
    SESSION_CONTROL_ON_EVERY_GRANT;

    /** {@code "testing-expiry-announced"} as well as the constant's own name. */
    public static SandboxObservation parse(String name) {
        return valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
