package dev.gmailserverauth.sandbox.internal.directory;

import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the sandbox's Directory API endpoints share: who may call them (a token with one of the endpoint's scopes, of
 * an unsuspended administrator of the domain) and how they page ({@code maxResults}, opaque {@code pageToken}s).
 */
final class DirectoryRequests {
    static final String NOT_AUTHORIZED = "Not Authorized to access this resource/api";

    private DirectoryRequests() {}

    /** The refusal of a caller who may not read the directory; empty for one who may. */
    static Optional<ApiResponse> refusal(ApiRequest request, SandboxState state, WorkspaceDirectory directory, Set<String> scopes) {
        Optional<String> bearer = request.bearerToken();
        if (bearer.isEmpty()) return Optional.of(GoogleErrors.missingCredentials());
        Optional<OAuthStore.AccessToken> token = state.oauth().accessToken(bearer.get());
        if (token.isEmpty()) return Optional.of(GoogleErrors.invalidCredentials());
        if (token.get().scopes().stream().noneMatch(scopes::contains)) {
            return Optional.of(GoogleErrors.forbidden("Request had insufficient authentication scopes."));
        }
        Optional<WorkspaceUser> caller = state.accounts().byId(token.get().userId()).map(Account::email).flatMap(directory::byEmail);
        if (caller.isEmpty() || !caller.get().admin() || caller.get().suspended()) return Optional.of(GoogleErrors.forbidden(NOT_AUTHORIZED));
        return Optional.empty();
    }

    /** Where a page starts and how long it is. */
    record Page(int from, int size) {
        int to(int total) {
            return Math.min(Math.min(from, total) + size, total);
        }

        /** The token of the page after this one, or empty on the last page. */
        Optional<String> next(String kind, int total) {
            return to(total) < total ? Optional.of(token(kind, to(total))) : Optional.empty();
        }
    }

    /** The page a request asks for ({@code maxResults} 1..{@code max}, a {@code pageToken} of this {@code kind}), or the 400. */
    static ApiResponse paged(ApiRequest request, String kind, int defaultSize, int max, Function<Page, ApiResponse> answer) {
        int size;
        try {
            size = request.queryParam("maxResults").map(Integer::parseInt).orElse(defaultSize);
        } catch (NumberFormatException e) {
            return GoogleErrors.badRequest("Invalid value for maxResults", "maxResults");
        }
        if (size < 1 || size > max) return GoogleErrors.badRequest("Invalid value for maxResults: " + size, "maxResults");
        Optional<Integer> start = request.queryParam("pageToken").map(t -> offset(kind, t));
        if (start.filter(s -> s < 0).isPresent()) return GoogleErrors.badRequest("Invalid Input: pageToken", "pageToken");
        return answer.apply(new Page(start.orElse(0), size));
    }

    private static String token(String kind, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a page token names; -1 for a token this kind of listing never issued. */
    private static int offset(String kind, String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.matches(kind + ":\\d{1,9}")) return -1;
            return Integer.parseInt(decoded.substring(kind.length() + 1));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
