package dev.gmailserverauth.sandbox.internal.directory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthStore;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /admin/directory/v1/users} of the Admin SDK Directory API
 * (<a href="https://developers.google.com/workspace/admin/directory/reference/rest/v1/users/list">users.list</a>):
 * {@code customer} ({@code my_customer} or the customer id) or {@code domain}, {@code query} ({@code email:},
 * {@code isSuspended=}, {@code isAdmin=} or words of the name or address), {@code maxResults} (default 100, at most
 * 500), {@code pageToken}, ordered by email. The caller must hold {@code admin.directory.user.readonly} (or
 * {@code admin.directory.user}) as an unsuspended administrator of the domain.
 */
public final class DirectoryUsersEndpoint {
    public static final String PATH = "/admin/directory/v1/users";
    static final String READONLY = "https://www.googleapis.com/auth/admin.directory.user.readonly";
    static final String READ_WRITE = "https://www.googleapis.com/auth/admin.directory.user";
    private static final String NOT_AUTHORIZED = "Not Authorized to access this resource/api";
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 500;

    private final SandboxState state;
    private final WorkspaceDirectory directory;

    public DirectoryUsersEndpoint(SandboxState state, WorkspaceDirectory directory) {
        this.state = state;
        this.directory = directory;
    }

    public ApiResponse list(ApiRequest request) {
        Optional<String> bearer = request.bearerToken();
        if (bearer.isEmpty()) return GoogleErrors.missingCredentials();
        Optional<OAuthStore.AccessToken> token = state.oauth().accessToken(bearer.get());
        if (token.isEmpty()) return GoogleErrors.invalidCredentials();
        if (!token.get().scopes().contains(READONLY) && !token.get().scopes().contains(READ_WRITE)) {
            return GoogleErrors.forbidden("Request had insufficient authentication scopes.");
        }
        Optional<WorkspaceUser> caller = state.accounts().byId(token.get().userId()).map(Account::email).flatMap(directory::byEmail);
        if (caller.isEmpty() || !caller.get().admin() || caller.get().suspended()) return GoogleErrors.forbidden(NOT_AUTHORIZED);

        Optional<String> customer = request.queryParam("customer");
        Optional<String> domain = request.queryParam("domain");
        if (customer.isEmpty() && domain.isEmpty()) return GoogleErrors.badRequest("Bad Request", "customer");
        if (customer.filter(c -> !c.equals("my_customer") && !c.equals(WorkspaceDirectory.CUSTOMER_ID)).isPresent()
                || domain.filter(d -> !d.equalsIgnoreCase(WorkspaceDirectory.DOMAIN)).isPresent()) {
            return GoogleErrors.forbidden(NOT_AUTHORIZED);
        }
        int pageSize;
        try {
            pageSize = request.queryParam("maxResults").map(Integer::parseInt).orElse(DEFAULT_PAGE);
        } catch (NumberFormatException e) {
            return GoogleErrors.badRequest("Invalid value for maxResults", "maxResults");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE) return GoogleErrors.badRequest("Invalid value for maxResults: " + pageSize, "maxResults");
        Optional<Predicate<WorkspaceUser>> query = DirectoryQuery.parse(request.queryParam("query").orElse(""));
        if (query.isEmpty()) return GoogleErrors.badRequest("Invalid Input", "query");
        Optional<Integer> start = request.queryParam("pageToken").map(DirectoryUsersEndpoint::offset);
        if (start.filter(s -> s < 0).isPresent()) return GoogleErrors.badRequest("Invalid Input: pageToken", "pageToken");

        List<WorkspaceUser> matching = directory.all().stream().filter(query.get()).toList();
        int from = Math.min(start.orElse(0), matching.size());
        int to = Math.min(from + pageSize, matching.size());
        JsonObject body = new JsonObject();
        body.addProperty("kind", "admin#directory#users");
        body.addProperty("etag", "\"sandbox-" + matching.size() + "\"");
        if (to > from) {
            JsonArray users = new JsonArray();
            matching.subList(from, to).forEach(u -> users.add(json(u)));
            body.add("users", users);
        }
        if (to < matching.size()) body.addProperty("nextPageToken", token(to));
        return ApiResponse.json(200, body);
    }

    private static JsonObject json(WorkspaceUser user) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "admin#directory#user");
        o.addProperty("id", user.id());
        o.addProperty("primaryEmail", user.primaryEmail());
        JsonObject name = new JsonObject();
        name.addProperty("givenName", user.givenName());
        name.addProperty("familyName", user.familyName());
        name.addProperty("fullName", user.fullName());
        o.add("name", name);
        o.addProperty("isAdmin", user.admin());
        o.addProperty("isDelegatedAdmin", false);
        o.addProperty("suspended", user.suspended());
        if (user.suspended()) o.addProperty("suspensionReason", "ADMIN");
        o.addProperty("archived", false);
        o.addProperty("orgUnitPath", user.orgUnitPath());
        o.addProperty("customerId", WorkspaceDirectory.CUSTOMER_ID);
        o.addProperty("isMailboxSetup", true);
        return o;
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("users:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a page token names; -1 for a token this endpoint never issued. */
    private static int offset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.matches("users:\\d{1,9}")) return -1;
            return Integer.parseInt(decoded.substring("users:".length()));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The part of Google's user search syntax the sandbox plays: space-separated terms, all of which must hold. */
    static final class DirectoryQuery {
        private DirectoryQuery() {}

        static Optional<Predicate<WorkspaceUser>> parse(String query) {
            Predicate<WorkspaceUser> all = u -> true;
            for (String term : query.trim().split("\\s+")) {
                if (term.isEmpty()) continue;
                Optional<Predicate<WorkspaceUser>> one = term(term);
                if (one.isEmpty()) return Optional.empty();
                all = all.and(one.get());
            }
            return Optional.of(all);
        }

        private static Optional<Predicate<WorkspaceUser>> term(String term) {
            String lower = term.toLowerCase(Locale.ROOT);
            if (lower.startsWith("email:")) {
                String value = lower.substring("email:".length());
                return Optional.of(value.endsWith("*")
                        ? u -> u.primaryEmail().startsWith(value.substring(0, value.length() - 1))
                        : u -> u.primaryEmail().equals(value));
            }
            if (lower.startsWith("issuspended=")) return bool(lower.substring("issuspended=".length())).map(b -> u -> u.suspended() == b);
            if (lower.startsWith("isadmin=")) return bool(lower.substring("isadmin=".length())).map(b -> u -> u.admin() == b);
            if (lower.contains(":") || lower.contains("=")) return Optional.empty();
            return Optional.of(u -> (u.primaryEmail() + " " + u.fullName()).toLowerCase(Locale.ROOT).contains(lower));
        }

        private static Optional<Boolean> bool(String value) {
            return switch (value) {
                case "true" -> Optional.of(true);
                case "false" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
    }
}
