package dev.gmailserverauth.sandbox.internal.directory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 500;

    private final SandboxState state;
    private final WorkspaceDirectory directory;

    public DirectoryUsersEndpoint(SandboxState state, WorkspaceDirectory directory) {
        this.state = state;
        this.directory = directory;
    }

    public ApiResponse list(ApiRequest request) {
        Optional<ApiResponse> refused = DirectoryRequests.refusal(request, state, directory, Set.of(READONLY, READ_WRITE));
        if (refused.isPresent()) return refused.get();
        Optional<String> customer = request.queryParam("customer");
        Optional<String> domain = request.queryParam("domain");
        if (customer.isEmpty() && domain.isEmpty()) return GoogleErrors.badRequest("Bad Request", "customer");
        if (customer.filter(c -> !c.equals("my_customer") && !c.equals(WorkspaceDirectory.CUSTOMER_ID)).isPresent()
                || domain.filter(d -> !d.equalsIgnoreCase(WorkspaceDirectory.DOMAIN)).isPresent()) {
            return GoogleErrors.forbidden(DirectoryRequests.NOT_AUTHORIZED);
        }
        Optional<Predicate<WorkspaceUser>> query = DirectoryQuery.parse(request.queryParam("query").orElse(""));
        if (query.isEmpty()) return GoogleErrors.badRequest("Invalid Input", "query");
        return DirectoryRequests.paged(request, "users", DEFAULT_PAGE, MAX_PAGE, page -> {
            List<WorkspaceUser> matching = directory.all().stream().filter(query.get()).toList();
            int from = Math.min(page.from(), matching.size());
            int to = page.to(matching.size());
            JsonObject body = new JsonObject();
            body.addProperty("kind", "admin#directory#users");
            body.addProperty("etag", "\"sandbox-" + matching.size() + "\"");
            if (to > from) {
                JsonArray users = new JsonArray();
                matching.subList(from, to).forEach(u -> users.add(json(u)));
                body.add("users", users);
            }
            page.next("users", matching.size()).ifPresent(next -> body.addProperty("nextPageToken", next));
            return ApiResponse.json(200, body);
        });
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
