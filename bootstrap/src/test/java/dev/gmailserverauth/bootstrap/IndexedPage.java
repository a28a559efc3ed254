package dev.gmailserverauth.bootstrap;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The first page of {@code /api/messages} as the sync's tests and benchmarks read it: only when the local index served it. */
public final class IndexedPage {
    private IndexedPage() {
    }

    /** The ids of the first 50 messages when the index answered ({@code indexedAt} set); empty when Gmail did. */
    public static List<String> ids(ApiClient api, URI app, String cookie) {
        HttpResponse<String> response = api.get(app.resolve("/api/messages?maxResults=50"), cookie);
        if (response.statusCode() != 200) throw new IllegalStateException("expected 200 from " + response.uri() + ", got " + response.statusCode());
        JsonObject page = JsonParser.parseString(response.body()).getAsJsonObject();
        if (page.get("indexedAt") == null || page.get("indexedAt").isJsonNull()) return List.of();
        List<String> ids = new ArrayList<>();
        page.getAsJsonArray("messages").forEach(m -> ids.add(m.getAsJsonObject().get("id").getAsString()));
        return ids;
    }
}
