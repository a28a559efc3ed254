package dev.gmailserverauth.web.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.gmailserverauth.application.sync.ReceivePush;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MailboxNotification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads a Pub/Sub push body (the wrapped format): {@code message.data} is base64 (standard or URL-safe, padded
 * or not: Google's samples differ) of Gmail's {@code {"emailAddress": …, "historyId": …}}, whose history id may
 * arrive as a string or as a number.
 */
final class PushBody {
    private PushBody() {
    }

    static ReceivePush.Body parse(String body) {
        try {
            JsonObject push = JsonParser.parseString(body).getAsJsonObject();
            JsonObject message = member(push, "message").filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                    .orElseThrow(() -> new IllegalArgumentException("no message object"));
            String data = string(message, "data").orElseThrow(() -> new IllegalArgumentException("the message has no data"));
            byte[] decoded = Base64.getUrlDecoder().decode(data.strip().replace('+', '-').replace('/', '_'));
            JsonObject notification = JsonParser.parseString(new String(decoded, StandardCharsets.UTF_8)).getAsJsonObject();
            EmailAddress address = new EmailAddress(string(notification, "emailAddress")
                    .orElseThrow(() -> new IllegalArgumentException("the notification names no emailAddress")));
            HistoryId historyId = HistoryId.parse(member(notification, "historyId").filter(JsonElement::isJsonPrimitive)
                    .map(JsonElement::getAsJsonPrimitive).map(PushBody::digits)
                    .orElseThrow(() -> new IllegalArgumentException("the notification has no historyId")));
            return new ReceivePush.Body.Notification(new MailboxNotification(address, historyId));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException | ArithmeticException e) {
            return new ReceivePush.Body.Malformed("not a Gmail notification pushed by Pub/Sub: " + e.getMessage());
        }
    }

    private static Optional<JsonElement> member(JsonObject object, String name) {
        return Optional.ofNullable(object.get(name)).filter(element -> !element.isJsonNull());
    }

    private static Optional<String> string(JsonObject object, String name) {
        return member(object, name).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsJsonPrimitive)
                .filter(JsonPrimitive::isString).map(JsonPrimitive::getAsString);
    }

    /** A history id as a string, or as a whole JSON number written without exponent or fraction. */
    private static String digits(JsonPrimitive value) {
        return value.isNumber() ? value.getAsBigDecimal().toBigIntegerExact().toString() : value.getAsString();
    }
}
