package dev.gmailserverauth.sandbox.internal.history;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code users.history.list} with Gmail's semantics: records after {@code startHistoryId} (required) oldest first,
 * {@code historyTypes} (repeated) and {@code labelId} filters, {@code maxResults} (default 100, at most 500) pages
 * chained by {@code nextPageToken}, the mailbox's current {@code historyId} on every page, no {@code history} key
 * when nothing changed, 404 for a start older than what is kept, and for a start after the current id an empty
 * answer (the documentation says nothing of it; the sandbox assumes Gmail answers as for "no changes").
 */
public final class GmailHistoryMethods {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GmailHistoryMethods() {}

    /** history.list on this mailbox; {@code knownLabel} says which label ids the mailbox has. */
    public static HistoryAnswer list(ApiRequest request, GmailHistory history, Predicate<String> knownLabel) {
        Optional<Long> start = request.queryParam("startHistoryId").flatMap(GmailHistoryMethods::historyId);
        if (start.isEmpty()) return refused(GoogleErrors.invalidArgument("Missing/invalid parameter: startHistoryId"));
        Set<GmailHistoryRecord.Type> types = EnumSet.noneOf(GmailHistoryRecord.Type.class);
        for (String value : request.queryParams("historyTypes")) {
            Optional<GmailHistoryRecord.Type> type = type(value);
            if (type.isEmpty()) return refused(GoogleErrors.badRequest("Invalid value at 'history_types' (" + value + ")", "historyTypes"));
            types.add(type.get());
        }
        if (types.isEmpty()) types = EnumSet.allOf(GmailHistoryRecord.Type.class);
        Optional<String> labelId = request.queryParam("labelId").filter(l -> !l.isBlank());
        if (labelId.isPresent() && !knownLabel.test(labelId.get())) return refused(GoogleErrors.invalidArgument("Invalid label: " + labelId.get()));
        Optional<Integer> size = pageSize(request.queryParam("maxResults"));
        if (size.isEmpty()) return refused(GoogleErrors.badRequest("Invalid value at 'max_results'", "maxResults"));
        Optional<String> token = request.queryParam("pageToken").filter(t -> !t.isBlank());
        Optional<Long> after = token.flatMap(GmailHistoryMethods::historyId);
        if (token.isPresent() && after.isEmpty()) return refused(GoogleErrors.badRequest("Invalid pageToken", "pageToken"));

        long current = history.current();
        Optional<List<GmailHistoryRecord>> kept = history.after(start.get());
        if (kept.isEmpty()) return refused(GoogleErrors.notFound());
        Set<GmailHistoryRecord.Type> wanted = types;
        long from = Math.max(start.get(), after.orElse(0L));
        List<GmailHistoryRecord> matching = kept.get().stream()
                .filter(r -> r.id() > from && r.id() <= current)
                .filter(r -> wanted.contains(r.type()))
                .filter(r -> labelId.map(r::concerns).orElse(true))
                .toList();
        List<GmailHistoryRecord> page = matching.subList(0, Math.min(size.get(), matching.size()));
        JsonObject json = new JsonObject();
        if (!page.isEmpty()) {
            JsonArray records = new JsonArray();
            page.forEach(r -> records.add(record(r)));
            json.add("history", records);
        }
        json.addProperty("historyId", Long.toString(current));
        if (matching.size() > page.size()) json.addProperty("nextPageToken", Long.toString(page.get(page.size() - 1).id()));
        return new HistoryAnswer.Resource(json);
    }

    private static JsonObject record(GmailHistoryRecord r) {
        JsonObject json = new JsonObject();
        json.addProperty("id", Long.toString(r.id()));
        JsonArray messages = new JsonArray();
        messages.add(message(r, false));
        json.add("messages", messages);
        JsonObject item = new JsonObject();
        item.add("message", message(r, r.type() != GmailHistoryRecord.Type.MESSAGE_DELETED));
        if (!r.changedLabels().isEmpty()) item.add("labelIds", strings(r.changedLabels()));
        JsonArray items = new JsonArray();
        items.add(item);
        json.add(r.type().field(), items);
        return json;
    }

    private static JsonObject message(GmailHistoryRecord r, boolean withLabels) {
        JsonObject json = new JsonObject();
        json.addProperty("id", r.messageId());
        json.addProperty("threadId", r.threadId());
        if (withLabels) json.add("labelIds", strings(r.labelsAfter()));
        return json;
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** An unsigned decimal; ids beyond what the sandbox hands out read as "far in the future". */
    static Optional<Long> historyId(String text) {
        if (!text.matches("\\d{1,20}")) return Optional.empty();
        BigInteger value = new BigInteger(text);
        if (value.bitLength() > 64) return Optional.empty();
        return Optional.of(value.min(LONG_MAX).longValueExact());
    }

    /** {@code messageAdded} as documented, or the enum's upper-case form ({@code MESSAGE_ADDED}). */
    private static Optional<GmailHistoryRecord.Type> type(String value) {
        for (GmailHistoryRecord.Type type : GmailHistoryRecord.Type.values()) {
            if (type.parameter().equals(value) || type.name().equals(value.toUpperCase(Locale.ROOT))) return Optional.of(type);
        }
        return Optional.empty();
    }

    private static Optional<Integer> pageSize(Optional<String> value) {
        if (value.isEmpty()) return Optional.of(DEFAULT_PAGE);
        if (!value.get().matches("\\d{1,10}")) return Optional.empty();
        long n = Long.parseLong(value.get());
        return Optional.of(n == 0 ? DEFAULT_PAGE : (int) Math.min(n, MAX_PAGE));
    }

    private static HistoryAnswer refused(ApiResponse response) {
        return new HistoryAnswer.Response(response);
    }
}
