package dev.gmailserverauth.sandbox.internal.history;

import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxHistoryControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.control.ControlRoutes;
import dev.gmailserverauth.sandbox.internal.GooglePages;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The control API of mailbox changes ({@code /__sandbox/…}, JSON in and out; see README), and the demo's page
 * {@code GET /__sandbox/mail} whose button sends an account a new message, so a person can watch it arrive.
 */
public final class HistoryControlRoutes {
    static final String MAIL_PAGE = ControlRoutes.PREFIX + "/mail";
    private final SandboxControl control;
    private final SandboxHistoryControl history;

    public HistoryControlRoutes(SandboxControl control) {
        this.control = control;
        this.history = control.history();
    }

    public void register(RoutesConfig routes) {
        String account = ControlRoutes.PREFIX + "/accounts/{email}";
        routes.post(account + "/messages/{id}/labels", ctx -> ControlRoutes.handle(ctx, body -> {
            history.modifyLabels(ctx.pathParam("email"), ctx.pathParam("id"), list(body, "add"), list(body, "remove"));
            return historyOf(ctx.pathParam("email"));
        }));
        routes.delete(account + "/messages/{id}", ctx -> ControlRoutes.handle(ctx, body -> {
            history.deleteMessage(ctx.pathParam("email"), ctx.pathParam("id"));
            return historyOf(ctx.pathParam("email"));
        }));
        routes.get(account + "/history", ctx -> ControlRoutes.handle(ctx, body -> historyOf(ctx.pathParam("email"))));
        routes.post(account + "/history/expire", ctx -> ControlRoutes.handle(ctx, body -> {
            history.expireHistoryBelow(ctx.pathParam("email"), ControlRoutes.string(body, "belowHistoryId"));
            return historyOf(ctx.pathParam("email"));
        }));
        routes.put(ControlRoutes.PREFIX + "/history/retention", ctx -> ControlRoutes.handle(ctx, body -> {
            history.setHistoryRetention(Duration.ofSeconds(body.get("seconds").getAsLong()));
            return new JsonObject();
        }));
        routes.put(ControlRoutes.PREFIX + "/cloud-project", ctx -> ControlRoutes.handle(ctx, body -> {
            history.setCloudProject(ControlRoutes.string(body, "projectId"));
            return new JsonObject();
        }));
    }

    /**
     * The demo's page that sends an account a new message: served whether or not the control API is on, like the
     * consent screen, because it is how a person trying sandbox mode sees mail arrive while they are away.
     */
    public void registerDemoPage(RoutesConfig routes) {
        routes.get(MAIL_PAGE, this::mailPage);
        routes.post(MAIL_PAGE + "/send", this::sendDemoMessage);
    }

    private JsonObject historyOf(String email) {
        JsonObject o = new JsonObject();
        o.addProperty("historyId", history.historyId(email));
        history.watchedTopic(email).ifPresent(topic -> o.addProperty("watchTopic", topic));
        return o;
    }

    private static List<String> list(JsonObject body, String name) {
        return body.has(name) ? ControlRoutes.strings(body.getAsJsonArray(name)) : List.of();
    }

    private void mailPage(Context ctx) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox mail</title></head>"
                + "<body><h1>Send a new message</h1><p>The message arrives in the account's Gmail at once: it is recorded in its history "
                + "and, when the account is watched, notified through Pub/Sub.</p>");
        Optional.ofNullable(ctx.queryParam("sent")).ifPresent(id -> html.append("<p id=\"sent\">Sent message ")
                .append(GooglePages.escape(id)).append(".</p>"));
        html.append("<form id=\"send\" method=\"post\" action=\"").append(MAIL_PAGE).append("/send\">");
        List<String> accounts = control.demoAccounts().isEmpty() ? control.accounts() : control.demoAccounts();
        for (int i = 0; i < accounts.size(); i++) {
            String email = GooglePages.escape(accounts.get(i));
            html.append("<button type=\"submit\" name=\"account\" id=\"send-").append(i).append("\" value=\"").append(email)
                    .append("\">Send ").append(email).append(" a new message</button> ");
        }
        html.append("</form></body></html>");
        JavalinAdapter.write(ctx, ApiResponse.html(200, html.toString()));
    }

    private void sendDemoMessage(Context ctx) {
        String email = Optional.ofNullable(ctx.formParam("account")).orElse("");
        if (!control.accounts().contains(email)) {
            JavalinAdapter.write(ctx, ApiResponse.html(400, "<!doctype html><p id=\"error\">No such account.</p>"));
            return;
        }
        Instant now = Instant.now();
        String id = control.addMessage(email, SandboxMessage.of("Sandbox Postman <postman@sandbox.example>", email,
                "A new message at " + now, now, "Sent from the sandbox's mail page at " + now + "."));
        ctx.redirect(MAIL_PAGE + "?sent=" + id, io.javalin.http.HttpStatus.SEE_OTHER);
    }

}
