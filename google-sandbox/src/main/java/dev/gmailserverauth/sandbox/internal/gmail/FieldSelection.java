package dev.gmailserverauth.sandbox.internal.gmail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code fields=} partial-response selection, the subset of Google's syntax that the performance guide
 * (https://developers.google.com/workspace/gmail/api/guides/performance#partial) shows: comma-separated
 * fields ({@code nextPageToken,resultSizeEstimate}), paths ({@code payload/headers}), sub-selections
 * ({@code messages(id,threadId)}, nestable, {@code payload(headers(name,value))}) and {@code *} for every
 * field at its level. A selection applies to each element of an array.
 */
final class FieldSelection {
    private static final int MAX_LENGTH = 2000;
    /** A field selected whole: nothing below it is narrowed. */
    private static final FieldSelection WHOLE = new FieldSelection(Map.of());

    private final Map<String, FieldSelection> fields;

    private FieldSelection(Map<String, FieldSelection> fields) {
        this.fields = fields;
    }

    /** The selection, or empty when the text is not a field selection. */
    public static Optional<FieldSelection> parse(String text) {
        if (text.isBlank() || text.length() > MAX_LENGTH) return Optional.empty();
        Parser parser = new Parser(text);
        Optional<FieldSelection> selection = parser.selection();
        return parser.atEnd() ? selection : Optional.empty();
    }

    /** True when every field named exists in that resource type (e.g. {@code Message}), at every level. */
    public boolean fitsSchema(GmailSchema.Type type) {
        for (Map.Entry<String, FieldSelection> f : fields.entrySet()) {
            String name = f.getKey();
            if (!name.equals("*") && !type.has(name)) return false;
            for (String field : name.equals("*") ? type.fieldNames() : Set.of(name)) {
                if (!f.getValue().fitsField(type.typeOf(field))) return false;
            }
        }
        return true;
    }

    /** Whole fields fit any field; a narrowing selection only fits an object-valued one. */
    private boolean fitsField(Optional<GmailSchema.Type> type) {
        if (isWhole()) return true;
        return type.map(this::fitsSchema).orElse(false);
    }

    /** The parts of {@code source} this selection names. */
    public JsonObject applyTo(JsonObject source) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : source.entrySet()) {
            Optional<FieldSelection> below = below(e.getKey());
            if (below.isEmpty()) continue;
            Optional<JsonElement> kept = below.get().narrow(e.getValue());
            kept.ifPresent(v -> out.add(e.getKey(), v));
        }
        return out;
    }

    private Optional<FieldSelection> below(String name) {
        FieldSelection named = fields.get(name);
        FieldSelection any = fields.get("*");
        if (named == null && any == null) return Optional.empty();
        if (named == null || any == null) return Optional.of(named == null ? any : named);
        return Optional.of(named.merge(any));
    }

    private Optional<JsonElement> narrow(JsonElement value) {
        if (isWhole()) return Optional.of(value);
        if (value.isJsonObject()) return Optional.of(applyTo(value.getAsJsonObject()));
        if (value.isJsonArray()) {
            JsonArray out = new JsonArray();
            for (JsonElement item : value.getAsJsonArray()) narrow(item).ifPresent(out::add);
            return Optional.of(out);
        }
        return Optional.empty();  // a scalar has no sub-fields to select
    }

    private boolean isWhole() {
        return fields.isEmpty();
    }

    /** {@code a} and {@code a/b} together select all of {@code a}. */
    private FieldSelection merge(FieldSelection other) {
        if (isWhole() || other.isWhole()) return WHOLE;
        Map<String, FieldSelection> merged = new LinkedHashMap<>(fields);
        other.fields.forEach((name, sel) -> merged.merge(name, sel, FieldSelection::merge));
        return new FieldSelection(Map.copyOf(merged));
    }

    /** Names of the fields selected at this level, for tests and messages. */
    Set<String> names() {
        return fields.keySet();
    }

    /** Recursive descent over {@code selection := item (',' item)*; item := path ['(' selection ')']; path := name ('/' name)*}. */
    private static final class Parser {
        private static final int MAX_DEPTH = 32;
        private final String text;
        private int pos;
        private int depth;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos == text.length();
        }

        Optional<FieldSelection> selection() {
            if (++depth > MAX_DEPTH) return Optional.empty();
            FieldSelection all = new FieldSelection(Map.of());
            boolean first = true;
            while (first || accept(',')) {
                first = false;
                Optional<FieldSelection> item = item();
                if (item.isEmpty()) return Optional.empty();
                all = all.isWhole() ? item.get() : all.merge(item.get());
            }
            depth--;
            return Optional.of(all);
        }

        private Optional<FieldSelection> item() {
            Optional<String> name = name();
            if (name.isEmpty()) return Optional.empty();
            Optional<FieldSelection> rest;
            if (accept('/')) {
                rest = item();
            } else if (accept('(')) {
                rest = selection();
                if (!accept(')')) return Optional.empty();
            } else {
                rest = Optional.of(WHOLE);
            }
            return rest.map(below -> new FieldSelection(Map.of(name.get(), below)));
        }

        private Optional<String> name() {
            skipSpaces();
            int start = pos;
            if (accept('*')) return Optional.of("*");
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            String name = text.substring(start, pos);
            skipSpaces();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        }

        private boolean accept(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') pos++;
        }
    }
}
