package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How labels read, in the sidebar and as chips: Gmail's own words for its system labels, the user's labels as named. */
final class LabelNames {
    /** Gmail's own order of its system labels in the sidebar; the user's labels follow. */
    private static final List<String> ORDER = List.of("INBOX", "STARRED", "IMPORTANT", "SENT", "DRAFT", "UNREAD",
            "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS", "SPAM", "TRASH");
    /** Sidebar order: system labels as Gmail lists them, then the user's labels in the order given. */
    static final Comparator<Label> SIDEBAR_ORDER = Comparator.comparingInt(LabelNames::rank);

    private static final Map<String, String> SYSTEM = Map.ofEntries(
            Map.entry("INBOX", "Inbox"), Map.entry("STARRED", "Starred"), Map.entry("IMPORTANT", "Important"),
            Map.entry("UNREAD", "Unread"), Map.entry("SENT", "Sent"), Map.entry("DRAFT", "Drafts"), Map.entry("SPAM", "Spam"),
            Map.entry("TRASH", "Trash"), Map.entry("CATEGORY_PERSONAL", "Personal"), Map.entry("CATEGORY_SOCIAL", "Social"),
            Map.entry("CATEGORY_PROMOTIONS", "Promotions"), Map.entry("CATEGORY_UPDATES", "Updates"), Map.entry("CATEGORY_FORUMS", "Forums"));
    /** System labels Gmail itself does not list for people. */
    private static final Set<String> HIDDEN = Set.of("CHAT");
    /** Labels a message shows as marks (bold, a star) rather than as chips. */
    private static final Set<String> MARKS = Set.of("UNREAD", "STARRED");

    private LabelNames() {
    }

    static boolean shown(Label label) {
        return !(label.type() == Label.Type.SYSTEM && HIDDEN.contains(label.id().value()));
    }

    private static int rank(Label label) {
        if (label.type() == Label.Type.SYSTEM) return rank(label.id());
        return ORDER.size() + 1;
    }

    private static int rank(LabelId id) {
        int index = ORDER.indexOf(id.value());
        return index >= 0 ? index : ORDER.size();
    }

    static String display(Label label) {
        if (label.type() == Label.Type.SYSTEM) return SYSTEM.getOrDefault(label.id().value(), label.name());
        return label.name();
    }

    /** The mailbox's labels by id, for naming the labels messages carry. */
    static Map<LabelId, Label> byId(List<Label> labels) {
        return labels.stream().collect(Collectors.toMap(Label::id, Function.identity(), (first, second) -> first));
    }

    /**
     * The name of a label a message carries: Gmail's word for a system label, the user's name for one of
     * theirs ({@code Label_12} → "Receipts") when the mailbox's labels are known, else the id itself.
     */
    static String display(LabelId id, Map<LabelId, Label> known) {
        String system = SYSTEM.get(id.value());
        if (system != null) return system;
        Label label = known.get(id);
        return label == null ? id.value() : display(label);
    }

    /** The chips of a message: its labels but the marks (unread, starred) and those Gmail hides, system ones first. */
    static List<String> chips(Collection<LabelId> ids, Map<LabelId, Label> known) {
        return ids.stream()
                .filter(id -> !MARKS.contains(id.value()) && !HIDDEN.contains(id.value()))
                .sorted(Comparator.comparingInt((LabelId id) -> rank(id)).thenComparing(id -> display(id, known)))
                .map(id -> display(id, known))
                .toList();
    }
}
