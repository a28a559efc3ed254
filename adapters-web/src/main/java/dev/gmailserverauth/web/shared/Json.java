package dev.gmailserverauth.web.shared;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the API answers with, written by Gson. Objects keep their keys in the order given; an
 * absent {@link Optional} is {@code null}. Gson escapes {@code <}, {@code >}, {@code &}, {@code =} and
 * {@code '} as {@code \\uXXXX}, so the JSON is safe anywhere, even inside HTML.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableJdkUnsafe().create();

    private Json() {
    }

    /** An object with keys in the given order: {@code object("a", 1, "b", "x")}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof Optional<?> optional ? optional.orElse(null) : value);
        }
        return map;
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }
}
