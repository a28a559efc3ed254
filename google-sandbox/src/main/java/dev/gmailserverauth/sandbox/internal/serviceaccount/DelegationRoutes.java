package dev.gmailserverauth.sandbox.internal.serviceaccount;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.SandboxDelegation;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.directory.DirectoryMembersEndpoint;
import dev.gmailserverauth.sandbox.internal.directory.DirectoryUsersEndpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The Workspace side's routes: the Directory API's {@code users.list} at Google's path, and, with the control API on,
 * the demo domain's "Admin console" page ({@code /__sandbox/admin-console}) and its JSON twin under
 * {@code /__sandbox/delegation} (see the sandbox README).
 */
public final class DelegationRoutes {
    public static final String CONSOLE = "/__sandbox/admin-console";
    public static final String CONTROL = "/__sandbox/delegation";

    private final SandboxState state;
    private final WorkspaceDelegation delegation;
    private final SandboxDelegation control;

    public DelegationRoutes(SandboxState state, WorkspaceDelegation delegation, SandboxDelegation control) {
        this.state = state;
        this.delegation = delegation;
        this.control = control;
    }

    public void register(RoutesConfig routes, boolean controlApi) {
        DirectoryUsersEndpoint users = new DirectoryUsersEndpoint(state, delegation.directory());
        routes.get(DirectoryUsersEndpoint.PATH, ctx -> JavalinAdapter.serve(ctx, users::list));
        DirectoryMembersEndpoint members = new DirectoryMembersEndpoint(state, delegation.directory());
        routes.get(DirectoryMembersEndpoint.PATH, ctx -> JavalinAdapter.serve(ctx, members::list));
        if (!controlApi) return;
        routes.get(CONSOLE, ctx -> ctx.html(AdminConsolePage.render(delegation)));
        routes.post(CONSOLE, this::consoleForm);
        routes.get(CONTROL, ctx -> handle(ctx, body -> describe()));
        routes.get(CONTROL + "/key", ctx -> JavalinAdapter.write(ctx,
                ApiResponse.json(200, JsonParser.parseString(control.serviceAccountKeyJson()))));
        routes.post(CONTROL + "/key/replace", ctx -> handle(ctx, body -> done(control::replaceServiceAccountKey)));
        routes.put(CONTROL + "/clients/{clientId}", ctx -> handle(ctx, body -> done(() ->
                control.delegate(ctx.pathParam("clientId"), strings(body.getAsJsonArray("scopes"))))));
        routes.delete(CONTROL + "/clients/{clientId}", ctx -> handle(ctx, body -> done(() -> control.removeDelegation(ctx.pathParam("clientId")))));
        routes.post(CONTROL + "/propagation-delay", ctx -> handle(ctx, body -> done(() ->
                control.setPropagationDelay(Duration.ofSeconds(body.get("seconds").getAsLong())))));
        routes.post(CONTROL + "/users", ctx -> handle(ctx, body -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", control.addWorkspaceUser(body.get("email").getAsString(), body.get("displayName").getAsString(),
                    body.has("admin") && body.get("admin").getAsBoolean()));
            return o;
        }));
        routes.post(CONTROL + "/groups", ctx -> handle(ctx, body -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", control.addWorkspaceGroup(body.get("email").getAsString(), body.get("name").getAsString(),
                    strings(body.getAsJsonArray("members"))));
            return o;
        }));
        routes.post(CONTROL + "/users/{email}/suspended", ctx -> handle(ctx, body -> done(() ->
                control.setSuspended(ctx.pathParam("email"), body.get("suspended").getAsBoolean()))));
        routes.post(CONTROL + "/misroutes", ctx -> handle(ctx, body -> done(() ->
                control.answerGmailFor(body.get("subject").getAsString(), body.get("other").getAsString()))));
        routes.delete(CONTROL + "/misroutes", ctx -> handle(ctx, body -> done(control::clearGmailMisroutes)));
    }

    /** The Admin console form: a client ID and a comma-delimited scope list, as in Google's. */
    private void consoleForm(Context ctx) {
        String clientId = ctx.formParam("clientId") == null ? "" : ctx.formParam("clientId").trim();
        String scopes = ctx.formParam("scopes") == null ? "" : ctx.formParam("scopes");
        try {
            if ("remove".equals(ctx.formParam("action"))) {
                control.removeDelegation(clientId);
            } else {
                control.delegate(clientId, Arrays.stream(scopes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
            }
            ctx.redirect(CONSOLE);
        } catch (IllegalArgumentException e) {
            ctx.status(400).html(AdminConsolePage.render(delegation, e.getMessage()));
        }
    }

    private JsonObject describe() {
        JsonObject o = new JsonObject();
        o.addProperty("domain", control.workspaceDomain());
        o.addProperty("admin", control.workspaceAdmin());
        o.addProperty("clientId", control.serviceAccountClientId());
        o.addProperty("clientEmail", control.serviceAccountEmail());
        JsonArray entries = new JsonArray();
        for (WorkspaceDelegation.Entry entry : delegation.entries()) {
            JsonObject e = new JsonObject();
            e.addProperty("clientId", entry.clientId());
            JsonArray scopes = new JsonArray();
            entry.scopes().forEach(scopes::add);
            e.add("scopes", scopes);
            e.addProperty("effectiveAt", entry.effectiveAt().toString());
            entries.add(e);
        }
        o.add("delegations", entries);
        JsonArray users = new JsonArray();
        control.workspaceUsers().forEach(users::add);
        o.add("users", users);
        return o;
    }

    private static JsonObject done(Runnable action) {
        action.run();
        return new JsonObject();
    }

    private static List<String> strings(JsonArray array) {
        if (array == null) throw new IllegalArgumentException("a list is missing");
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static void handle(Context ctx, Function<JsonObject, JsonElement> action) {
        try {
            String text = ctx.body();
            JsonObject body = text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
            JavalinAdapter.write(ctx, ApiResponse.json(200, action.apply(body)));
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | JsonParseException | ClassCastException e) {
            JsonObject error = new JsonObject();
            error.addProperty("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            JavalinAdapter.write(ctx, ApiResponse.json(400, error));
        }
    }
}
