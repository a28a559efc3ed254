package dev.gmailserverauth.sandbox.internal.history;

import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import java.util.function.Function;

/** What a history or watch method answers: a resource (narrowed by {@code fields=} afterwards) or a finished response. */
public sealed interface HistoryAnswer {

    <R> R fold(Function<JsonObject, R> resource, Function<ApiResponse, R> response);

    record Resource(JsonObject json) implements HistoryAnswer {
        @Override
        public <R> R fold(Function<JsonObject, R> resource, Function<ApiResponse, R> response) {
            return resource.apply(json);
        }
    }

    /** An error, or a response without a body (stop). */
    record Response(ApiResponse response) implements HistoryAnswer {
        @Override
        public <R> R fold(Function<JsonObject, R> resource, Function<ApiResponse, R> response) {
            return response.apply(this.response);
        }
    }
}
