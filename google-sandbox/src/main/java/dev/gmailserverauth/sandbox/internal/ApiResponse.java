package dev.gmailserverauth.sandbox.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response a handler produced; written to Javalin or into a batch part. */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static final String JSON = "application/json; charset=UTF-8";
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    public ApiResponse {
        if (status < 100 || status > 599) throw new IllegalArgumentException("bad status " + status);
        headers = Map.copyOf(headers);
        if (body == null || contentType == null) throw new IllegalArgumentException("body and content type are required");
    }

    public static ApiResponse json(int status, JsonElement body) {
        return new ApiResponse(status, JSON, Map.of(), GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse html(int status, String html) {
        return new ApiResponse(status, "text/html; charset=UTF-8", Map.of(), html.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse redirect(String location) {
        return new ApiResponse(302, "text/html; charset=UTF-8", Map.of("Location", location), new byte[0]);
    }

    public ApiResponse withHeader(String name, String value) {
        var h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, contentType, h, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public static String toJson(JsonElement element) {
        return GSON.toJson(element);
    }
}
