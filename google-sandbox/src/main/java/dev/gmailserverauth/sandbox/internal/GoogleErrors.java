package dev.gmailserverauth.sandbox.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.SandboxLimits;
import java.util.Optional;
import java.util.Set;

/**
 * Google's JSON error envelope for the googleapis.com endpoints, as in Gmail's error guide
 * (https://developers.google.com/workspace/gmail/api/guides/handle-errors) and as observed live.
 */
public final class GoogleErrors {
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
    public static final String INSUFFICIENT_SCOPE_CHALLENGE = "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\", "
            + "scope=\"https://mail.google.com/ https://www.googleapis.com/auth/gmail.modify https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.metadata\"";
    private static final String CREDENTIALS_HELP = " Expected OAuth 2 access token, login cookie or other valid authentication credential. "
            + "See https://developers.google.com/identity/sign-in/web/devconsole-project.";
    private static final Set<String> USAGE_LIMIT_REASONS = Set.of("dailyLimitExceeded", "userRateLimitExceeded", "rateLimitExceeded");

    private GoogleErrors() {}

    /** One entry of the legacy {@code errors[]} list. */
    public record Item(String message, String domain, String reason, Optional<String> location, Optional<String> locationType) {
        public static Item of(String message, String domain, String reason) {
            return new Item(message, domain, reason, Optional.empty(), Optional.empty());
        }
    }

    public static ApiResponse error(int code, String message, Item item, Optional<JsonObject> errorInfo) {
        return error(code, message, item, statusName(code), errorInfo);
    }

    private static ApiResponse error(int code, String message, Item item, String status, Optional<JsonObject> errorInfo) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonArray errors = new JsonArray();
        JsonObject e = new JsonObject();
        e.addProperty("message", item.message());
        e.addProperty("domain", item.domain());
        e.addProperty("reason", item.reason());
        item.location().ifPresent(l -> e.addProperty("location", l));
        item.locationType().ifPresent(l -> e.addProperty("locationType", l));
        errors.add(e);
        error.add("errors", errors);
        error.addProperty("status", status);
        errorInfo.ifPresent(info -> {
            JsonArray details = new JsonArray();
            details.add(info);
            error.add("details", details);
        });
        JsonObject root = new JsonObject();
        root.add("error", error);
        return ApiResponse.json(code, root);
    }

    /** 401 for a missing token. */
    public static ApiResponse missingCredentials() {
        Item item = new Item("Login Required.", "global", "required", Optional.of("Authorization"), Optional.of("header"));
        return error(401, "Request is missing required authentication credential." + CREDENTIALS_HELP, item, Optional.empty())
                .withHeader(WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
    }

    /** 401 for an expired, revoked or unknown token (the body gmail.googleapis.com sends, verbatim). */
    public static ApiResponse invalidCredentials() {
        Item item = new Item("Invalid Credentials", "global", "authError", Optional.of("Authorization"), Optional.of("header"));
        return error(401, "Request had invalid authentication credentials." + CREDENTIALS_HELP, item, Optional.empty())
                .withHeader(WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
    }

    /** 403 when the token lacks every Gmail scope; {@code method} names the RPC, e.g. ListMessages. */
    public static ApiResponse insufficientScopes(String method) {
        JsonObject info = new JsonObject();
        info.addProperty("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.addProperty("reason", "ACCESS_TOKEN_SCOPE_INSUFFICIENT");
        info.addProperty("domain", "googleapis.com");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("service", "gmail.googleapis.com");
        metadata.addProperty("method", "caribou.api.proto.MailboxService." + method);
        info.add("metadata", metadata);
        return error(403, "Request had insufficient authentication scopes.",
                Item.of("Insufficient Permission", "global", "insufficientPermissions"), Optional.of(info))
                .withHeader(WWW_AUTHENTICATE, INSUFFICIENT_SCOPE_CHALLENGE);
    }

    public static ApiResponse notFound() {
        String m = "Requested entity was not found.";
        return error(404, m, Item.of(m, "global", "notFound"), Optional.empty());
    }

    /** 500 {@code backendError}, Gmail's guide sample. */
    public static ApiResponse backendError() {
        String m = "Backend Error";
        return error(500, m, Item.of(m, "global", "backendError"), Optional.empty());
    }

    public static ApiResponse invalidArgument(String message) {
        return error(400, message, Item.of(message, "global", "invalidArgument"), Optional.empty());
    }

    public static ApiResponse badRequest(String message, String parameter) {
        return error(400, message, new Item(message, "global", "badRequest", Optional.of(parameter), Optional.of("parameter")), Optional.empty());
    }

    /** 400 {@code failedPrecondition}: e.g. a service account's own token (no {@code sub}) has no mailbox. */
    public static ApiResponse failedPrecondition() {
        String m = "Precondition check failed.";
        return error(400, m, Item.of(m, "global", "failedPrecondition"), Optional.empty());
    }

    public static ApiResponse forbidden(String message) {
        return error(403, message, Item.of(message, "global", "forbidden"), Optional.empty());
    }

    /** The project number the sandbox's quota errors name as the consumer ("project_number:NNN"). */
    public static final String PROJECT_NUMBER = "123456789012";

    /**
     * A user's per-minute quota is spent. The 403 form is the one observed from Gmail ({@code usageLimits} /
     * {@code rateLimitExceeded}); the 429 form carries the same text with {@code RESOURCE_EXHAUSTED}.
     */
    public static ApiResponse quotaExceeded(SandboxLimits.QuotaRefusal refusal) {
        String m = "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service "
                + "'gmail.googleapis.com' for consumer 'project_number:" + PROJECT_NUMBER + "'.";
        String domain = refusal == SandboxLimits.QuotaRefusal.FORBIDDEN ? "usageLimits" : "global";
        return error(refusal.status(), m, Item.of(m, domain, "rateLimitExceeded"), Optional.empty());
    }

    /** Too many of one user's calls are running at once (observed text). */
    public static ApiResponse tooManyConcurrentRequests() {
        String m = "Too many concurrent requests for user.";
        return error(429, m, Item.of(m, "global", "rateLimitExceeded"), Optional.empty());
    }

    /** The envelope for an injected {@link Fault.HttpError}, with Retry-After when asked for. */
    public static ApiResponse fromFault(Fault.HttpError fault) {
        String domain = fault.status() == 403 && USAGE_LIMIT_REASONS.contains(fault.reason()) ? "usageLimits" : "global";
        String status = "failedPrecondition".equals(fault.reason()) ? "FAILED_PRECONDITION" : statusName(fault.status());
        ApiResponse response = error(fault.status(), fault.message(), Item.of(fault.message(), domain, fault.reason()), status, Optional.empty());
        return withRetryAfter(response, fault);
    }

    public static ApiResponse withRetryAfter(ApiResponse response, Fault.HttpError fault) {
        return fault.retryAfter().map(d -> response.withHeader("Retry-After", String.valueOf(Math.max(0, (d.toMillis() + 999) / 1000))))
                .orElse(response);
    }

    public static String statusName(int code) {
        return switch (code) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 501 -> "UNIMPLEMENTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }

    /** A token-endpoint style error: {@code {"error": ..., "error_description": ...}}. */
    public static ApiResponse oauthError(int status, String error, String description) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("error_description", description);
        return ApiResponse.json(status, body);
    }
}
