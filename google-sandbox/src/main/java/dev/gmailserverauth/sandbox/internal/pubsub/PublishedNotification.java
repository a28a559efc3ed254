package dev.gmailserverauth.sandbox.internal.pubsub;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A Gmail notification as Pub/Sub carries it: {@code data} is the base64 of {@code {"emailAddress","historyId"}}
 * (standard alphabet with padding, as proto3's JSON mapping writes bytes), with a numeric message id and the
 * publish time in RFC 3339 with milliseconds.
 */
record PublishedNotification(String messageId, String emailAddress, long historyId, String topic, Instant publishTime) {
    private static final DateTimeFormatter RFC3339_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    String data() {
        JsonObject notification = new JsonObject();
        notification.addProperty("emailAddress", emailAddress);
        notification.addProperty("historyId", Long.toString(historyId));
        return Base64.getEncoder().encodeToString(notification.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code message} object; {@code snakeCaseToo} adds the {@code message_id}/{@code publish_time} copies pushes carry. */
    JsonObject json(boolean snakeCaseToo) {
        JsonObject o = new JsonObject();
        o.addProperty("data", data());
        o.addProperty("messageId", messageId);
        o.addProperty("publishTime", RFC3339_MILLIS.format(publishTime));
        if (snakeCaseToo) {
            o.addProperty("message_id", messageId);
            o.addProperty("publish_time", RFC3339_MILLIS.format(publishTime));
        }
        o.add("attributes", new JsonObject());
        return o;
    }
}
