package dev.gmailserverauth.sandbox.internal.gmail;

import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.internal.ApiResponse;

/** What a Gmail method gives back: the resource (before {@code fields=} selects from it), or an error. */
sealed interface GmailAnswer {
    record Resource(JsonObject json) implements GmailAnswer {}

    record Refused(ApiResponse response) implements GmailAnswer {}
}
