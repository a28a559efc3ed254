package dev.gmailserverauth.sandbox.internal.pubsub;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.Endpoint;
import dev.gmailserverauth.sandbox.Fault;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.FaultBoard;
import dev.gmailserverauth.sandbox.internal.FaultResponses;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.JavalinAdapter;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pub/Sub's REST API for pull mode (https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions):
 * {@code POST /v1/projects/P/subscriptions/S:pull} ({@code {"maxMessages"}} → {@code {"receivedMessages"}}, or
 * {@code {}} when nothing waits; it answers at once), {@code …:acknowledge} and {@code …:modifyAckDeadline}, for a
 * bearer token of the sandbox's service account with the {@code pubsub} or {@code cloud-platform} scope.
 */
public final class PubSubRoutes {
    private final SandboxPubSub pubSub;
    private final FaultBoard faults;

    public PubSubRoutes(SandboxPubSub pubSub, FaultBoard faults) {
        this.pubSub = pubSub;
        this.faults = faults;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/projects/{project}/subscriptions/{action}", ctx -> {
            String action = ctx.pathParam("action");
            Endpoint endpoint = action.endsWith(":pull") ? Endpoint.PUBSUB_PULL : Endpoint.PUBSUB_ACKNOWLEDGE;
            faults.roundTrip(endpoint);
            JavalinAdapter.serve(ctx, request -> handle(request, ctx.pathParam("project"), action, endpoint));
        });
    }

    private ApiResponse handle(ApiRequest request, String project, String action, Endpoint endpoint) {
        Optional<Fault> fault = faults.nextFault(endpoint);
        if (fault.isPresent()) {
            Optional<ApiResponse> faulted = FaultResponses.apply(fault.get(), FaultResponses.Style.GOOGLE_API);
            if (faulted.isPresent()) return faulted.get();
        }
        Optional<String> bearer = request.bearerToken();
        if (bearer.isEmpty()) return GoogleErrors.missingCredentials();
        Optional<PubSubServiceAccount.Issued> grant = bearer.flatMap(pubSub.serviceAccount()::accessToken);
        if (grant.isEmpty()) return GoogleErrors.invalidCredentials();
        if (!grant.get().allowsPubSub()) return GoogleErrors.insufficientScopes("google.pubsub.v1.Subscriber");
        int colon = action.lastIndexOf(':');
        if (colon < 0) return GoogleErrors.notFound();
        String name = "projects/" + project + "/subscriptions/" + action.substring(0, colon);
        Optional<PullQueue> queue = pubSub.pullQueue(name);
        if (queue.isEmpty()) return GoogleErrors.notFound();
        JsonObject body;
        try {
            JsonElement parsed = JsonParser.parseString(request.bodyText().isBlank() ? "{}" : request.bodyText());
            if (!parsed.isJsonObject()) return GoogleErrors.invalidArgument("Invalid JSON payload received.");
            body = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return GoogleErrors.invalidArgument("Invalid JSON payload received.");
        }
        try {
            return switch (action.substring(colon + 1)) {
                case "pull" -> pull(queue.get(), body);
                case "acknowledge" -> {
                    queue.get().acknowledge(ackIds(body));
                    yield ApiResponse.json(200, new JsonObject());
                }
                case "modifyAckDeadline" -> {
                    long seconds = body.has("ackDeadlineSeconds") ? body.get("ackDeadlineSeconds").getAsLong() : -1;
                    if (seconds < 0 || seconds > 600) yield GoogleErrors.invalidArgument("Invalid ack deadline given: " + seconds);
                    queue.get().modifyAckDeadline(ackIds(body), Duration.ofSeconds(seconds));
                    yield ApiResponse.json(200, new JsonObject());
                }
                default -> GoogleErrors.notFound();
            };
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException | ClassCastException e) {
            return GoogleErrors.invalidArgument("Invalid JSON payload received.");
        }
    }

    private static ApiResponse pull(PullQueue queue, JsonObject body) {
        long max = body.has("maxMessages") ? body.get("maxMessages").getAsLong() : 0;
        if (max < 1) return GoogleErrors.invalidArgument("maxMessages must be greater than 0.");
        List<PullQueue.Pulled> pulled = queue.pull((int) Math.min(max, 1000));
        JsonObject response = new JsonObject();
        if (pulled.isEmpty()) return ApiResponse.json(200, response);
        JsonArray received = new JsonArray();
        for (PullQueue.Pulled p : pulled) {
            JsonObject o = new JsonObject();
            o.addProperty("ackId", p.ackId());
            o.add("message", p.message().json(false));
            received.add(o);
        }
        response.add("receivedMessages", received);
        return ApiResponse.json(200, response);
    }

    private static List<String> ackIds(JsonObject body) {
        List<String> ids = new ArrayList<>();
        if (body.has("ackIds")) body.getAsJsonArray("ackIds").forEach(e -> ids.add(e.getAsString()));
        if (ids.isEmpty()) throw new IllegalStateException("no ack ids");
        return ids;
    }
}
