package dev.gmailserverauth.sandbox.internal.history;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code users.watch} and {@code users.stop}. Watch validates {@code topicName} ({@code projects/P/topics/T}, P the
 * sandbox's project), takes {@code labelIds} with {@code labelFilterBehavior} (or the deprecated
 * {@code labelFilterAction}; {@code include}/{@code exclude} in any case), answers {@code {historyId, expiration}}
 * (epoch millis, both as JSON strings; expiration 7 days ahead) and publishes one notification at once, as Gmail
 * does. Stop answers 204 with no body.
 */
public final class GmailWatches {
    /** Gmail ends a watch after 7 days unless it is renewed. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final Pattern TOPIC = Pattern.compile("projects/([^/]+)/topics/([^/]+)");

    private GmailWatches() {}

    public static HistoryAnswer watch(ApiRequest request, GmailHistory history, GmailHistories shared) {
        JsonObject body;
        try {
            String text = request.bodyText();
            JsonElement parsed = text.isBlank() ? new JsonObject() : JsonParser.parseString(text);
            if (!parsed.isJsonObject()) return refused(GoogleErrors.invalidArgument("Invalid JSON payload received."));
            body = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return refused(GoogleErrors.invalidArgument("Invalid JSON payload received."));
        }
        Optional<String> topic = string(body, "topicName").filter(t -> !t.isBlank());
        if (topic.isEmpty()) return refused(GoogleErrors.invalidArgument("topicName required"));
        Matcher m = TOPIC.matcher(topic.get());
        if (!m.matches() || !m.group(1).equals(shared.project())) {
            return refused(GoogleErrors.invalidArgument("Invalid topicName does not match projects/" + shared.project() + "/topics/*"));
        }
        List<String> labelIds = new ArrayList<>();
        if (body.has("labelIds")) {
            JsonElement ids = body.get("labelIds");
            if (!ids.isJsonArray()) return refused(GoogleErrors.invalidArgument("Invalid value at 'label_ids'"));
            for (JsonElement id : ids.getAsJsonArray()) {
                if (!id.isJsonPrimitive()) return refused(GoogleErrors.invalidArgument("Invalid value at 'label_ids'"));
                labelIds.add(id.getAsString());
            }
        }
        Optional<String> behavior = string(body, "labelFilterBehavior").or(() -> string(body, "labelFilterAction"));
        Optional<Boolean> include = behavior.map(b -> b.toLowerCase(Locale.ROOT)).map(b -> switch (b) {
            case "include" -> Optional.of(true);
            case "exclude" -> Optional.of(false);
            default -> Optional.<Boolean>empty();
        }).orElse(Optional.of(true));
        if (include.isEmpty()) return refused(GoogleErrors.invalidArgument("Invalid value at 'label_filter_behavior' (" + behavior.get() + ")"));

        GmailWatch watch = history.watch(topic.get(), labelIds, include.get());
        long current = history.current();
        JsonObject json = new JsonObject();
        json.addProperty("historyId", Long.toString(current));
        json.addProperty("expiration", Long.toString(watch.expiration().toEpochMilli()));
        shared.notifyWatcher(new WatchNotice(history.email(), current, watch.topic()));
        return new HistoryAnswer.Resource(json);
    }

    public static HistoryAnswer stop(GmailHistory history) {
        history.stop();
        return new HistoryAnswer.Response(new ApiResponse(204, ApiResponse.JSON, Map.of(), new byte[0]));
    }

    private static Optional<String> string(JsonObject body, String name) {
        JsonElement e = body.get(name);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? Optional.empty() : Optional.of(e.getAsString());
    }

    private static HistoryAnswer refused(ApiResponse response) {
        return new HistoryAnswer.Response(response);
    }
}
