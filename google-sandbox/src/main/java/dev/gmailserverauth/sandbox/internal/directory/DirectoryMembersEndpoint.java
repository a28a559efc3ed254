package dev.gmailserverauth.sandbox.internal.directory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        Optional<ApiResponse> refused = DirectoryRequests.refusal(request, state, directory, SCOPES);
        if (refused.isPresent()) return refused.get();
        Optional<WorkspaceGroup> group = groupKey(request.path()).flatMap(directory::group);
        if (group.isEmpty()) {
            String m = "Resource Not Found: groupKey";
            return GoogleErrors.error(404, m, GoogleErrors.Item.of(m, "global", "notFound"), Optional.empty());
        }
        boolean derived = request.queryParam("includeDerivedMembership").filter("true"::equalsIgnoreCase).isPresent();
        return DirectoryRequests.paged(request, "members", MAX_PAGE, MAX_PAGE, page -> {
            List<String> members = directory.members(group.get(), derived);
            int from = Math.min(page.from(), members.size());
            int to = page.to(members.size());
            JsonObject body = new JsonObject();
            body.addProperty("kind", "admin#directory#members");
            body.addProperty("etag", "\"sandbox-" + group.get().id() + "-" + members.size() + "\"");
            if (to > from) {
                JsonArray listed = new JsonArray();
                members.subList(from, to).forEach(m -> listed.add(json(m)));
                body.add("members", listed);
            }
            page.next("members", members.size()).ifPresent(next -> body.addProperty("nextPageToken", next));
            return ApiResponse.json(200, body);
        });
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
}
