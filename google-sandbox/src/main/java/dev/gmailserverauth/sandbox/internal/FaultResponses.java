package dev.gmailserverauth.sandbox.internal;

import dev.gmailserverauth.sandbox.Fault;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Turns an injected {@link Fault} into what the endpoint sends instead of its normal answer. */
public final class FaultResponses {
    /** How the endpoint reports errors. */
    public enum Style { GOOGLE_API, OAUTH, PAGE }

    private FaultResponses() {}

    /**
     * The response to send instead of the normal one; empty when the call should go on normally (after a delay).
     *
     * @throws DropConnection for {@link Fault.DropConnection}
     */
    public static Optional<ApiResponse> apply(Fault fault, Style style) {
        if (fault instanceof Fault.Delay delay) {
            sleep(delay.duration().toMillis());
            return Optional.empty();
        }
        if (fault instanceof Fault.DropConnection) throw new DropConnection();
        if (fault instanceof Fault.RedirectError) return Optional.empty();  // only the authorization endpoint acts on it
        if (fault instanceof Fault.MalformedJson) {
            String truncated = style == Style.OAUTH ? "{\"access_token\": \"ya29.a0" : "{\"messages\": [{\"id\": \"18f2c1a2";
            return Optional.of(new ApiResponse(200, ApiResponse.JSON, Map.of(), truncated.getBytes(StandardCharsets.UTF_8)));
        }
        if (fault instanceof Fault.InvalidGrant) {
            return Optional.of(switch (style) {
                case OAUTH -> GoogleErrors.oauthError(400, "invalid_grant", "Token has been expired or revoked.");
                case GOOGLE_API -> GoogleErrors.invalidCredentials();
                case PAGE -> ApiResponse.html(400, GooglePages.errorPage("invalid_grant", "The grant is no longer valid."));
            });
        }
        Fault.HttpError error = (Fault.HttpError) fault;
        return Optional.of(switch (style) {
            case GOOGLE_API -> GoogleErrors.fromFault(error);
            case OAUTH -> GoogleErrors.withRetryAfter(GoogleErrors.oauthError(error.status(), error.reason(), error.message()), error);
            case PAGE -> GoogleErrors.withRetryAfter(
                    ApiResponse.html(error.status(), GooglePages.errorPage(error.status(), error.reason(), error.message())), error);
        });
    }

    public static void sleep(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
