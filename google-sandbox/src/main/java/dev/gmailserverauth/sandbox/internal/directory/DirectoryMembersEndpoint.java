package dev.gmailserverauth.sandbox.internal.directory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /admin/directory/v1/groups/{groupKey}/members} of the Admin SDK Directory API
 * (<a href="https://developers.google.com/workspace/admin/directory/reference/rest/v1/members/list">members.list</a>):
 * the group by address or id, {@code includeDerivedMembership} (default false: direct members only; true: the members
 * of nested groups too), {@code maxResults} (at most 200, the default too), {@code pageToken}. Each member has a
 * {@code type}: {@code USER}, {@code GROUP}, or {@code EXTERNAL} for an address outside the domain. The caller must hold
 * one of the group scopes as an unsuspended administrator; an unknown group is 404 {@code Resource Not Found: groupKey}.
 */
public final class DirectoryMembersEndpoint {
    public static final String PATH = "/admin/directory/v1/groups/{groupKey}/members";
    private static final String PREFIX = "/admin/directory/v1/groups/";
    private static final String SUFFIX = "/members";
    private static final Set<String> SCOPES = Set.of("https://www.googleapis.com/auth/admin.directory.group.member.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.member", "https://www.googleapis.com/auth/admin.directory.group.readonly",
            "https://www.googleapis.com/auth/admin.directory.group", "https://apps-apis.google.com/a/feeds/groups/");
    private static final int MAX_PAGE = 200;

    private final SandboxState state;
    private final WorkspaceDirectory directory;

    public DirectoryMembersEndpoint(SandboxState state, WorkspaceDirectory directory) {
        this.state = state;
        this.directory = directory;
    }

    public ApiResponse list(ApiRequest request) {
        Optional<String> bearer = request.bearerToken();
        if (bearer.isEmpty()) return GoogleErrors.missingCredentials();
        Optional<OAuthStore.AccessToken> token = state.oauth().accessToken(bearer.get());
        if (token.isEmpty()) return GoogleErrors.invalidCredentials();
        if (token.get().scopes().stream().noneMatch(SCOPES::contains)) return GoogleErrors.forbidden("Request had insufficient authentication scopes.");
        Optional<WorkspaceUser> caller = state.accounts().byId(token.get().userId()).map(Account::email).flatMap(directory::byEmail);
        if (caller.isEmpty() || !caller.get().admin() || caller.get().suspended()) {
            return GoogleErrors.forbidden("Not Authorized to access this resource/api");
        }
        Optional<WorkspaceGroup> group = groupKey(request.path()).flatMap(directory::group);
        if (group.isEmpty()) {
            String m = "Resource Not Found: groupKey";
            return GoogleErrors.error(404, m, GoogleErrors.Item.of(m, "global", "notFound"), Optional.empty());
        }
        int pageSize;
        try {
            pageSize = request.queryParam("maxResults").map(Integer::parseInt).orElse(MAX_PAGE);
        } catch (NumberFormatException e) {
            return GoogleErrors.badRequest("Invalid value for maxResults", "maxResults");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE) return GoogleErrors.badRequest("Invalid value for maxResults: " + pageSize, "maxResults");
        Optional<Integer> start = request.queryParam("pageToken").map(DirectoryMembersEndpoint::offset);
        if (start.filter(s -> s < 0).isPresent()) return GoogleErrors.badRequest("Invalid Input: pageToken", "pageToken");
        boolean derived = request.queryParam("includeDerivedMembership").filter("true"::equalsIgnoreCase).isPresent();

        List<String> members = directory.members(group.get(), derived);
        int from = Math.min(start.orElse(0), members.size());
        int to = Math.min(from + pageSize, members.size());
        JsonObject body = new JsonObject();
        body.addProperty("kind", "admin#directory#members");
        body.addProperty("etag", "\"sandbox-" + group.get().id() + "-" + members.size() + "\"");
        if (to > from) {
            JsonArray page = new JsonArray();
            members.subList(from, to).forEach(m -> page.add(json(m)));
            body.add("members", page);
        }
        if (to < members.size()) body.addProperty("nextPageToken", token(to));
        return ApiResponse.json(200, body);
    }

    private JsonObject json(String email) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "admin#directory#member");
        o.addProperty("email", email);
        o.addProperty("role", "MEMBER");
        Optional<WorkspaceUser> user = directory.byEmail(email);
        if (user.isPresent()) {
            o.addProperty("id", user.get().id());
            o.addProperty("type", "USER");
            o.addProperty("status", user.get().suspended() ? "SUSPENDED" : "ACTIVE");
        } else if (directory.isGroup(email)) {
            o.addProperty("id", directory.group(email).orElseThrow().id());
            o.addProperty("type", "GROUP");
        } else {
            o.addProperty("type", "EXTERNAL");
        }
        return o;
    }

    private static Optional<String> groupKey(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) return Optional.empty();
        return Optional.of(URLDecoder.decode(path.substring(PREFIX.length(), path.length() - SUFFIX.length()), StandardCharsets.UTF_8));
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("members:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a page token names; -1 for a token this endpoint never issued. */
    private static int offset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.matches("members:\\d{1,9}")) return -1;
            return Integer.parseInt(decoded.substring("members:".length()));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
