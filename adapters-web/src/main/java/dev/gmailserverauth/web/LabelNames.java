package dev.gmailserverauth.web;

import dev.gmailserverauth.domain.model.Label;
import java.util.Map;
import java.util.Set;

/** How labels read in the sidebar: Gmail's own words for its system labels, the user's labels as named. */
final class LabelNames {
    /** Gmail's own order of its system labels in the sidebar; the user's labels follow. */
    private static final java.util.List<String> ORDER = java.util.List.of("INBOX", "STARRED", "IMPORTANT", "SENT", "DRAFT", "UNREAD",
            "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS", "SPAM", "TRASH");
    /** Sidebar order: system labels as Gmail lists them, then the user's labels in the order given. */
    static final java.util.Comparator<Label> SIDEBAR_ORDER = java.util.Comparator.comparingInt(LabelNames::rank);

    private static final Map<String, String> SYSTEM = Map.ofEntries(
            Map.entry("INBOX", "Inbox"), Map.entry("STARRED", "Starred"), Map.entry("IMPORTANT", "Important"),
            Map.entry("UNREAD", "Unread"), Map.entry("SENT", "Sent"), Map.entry("DRAFT", "Drafts"), Map.entry("SPAM", "Spam"),
            Map.entry("TRASH", "Trash"), Map.entry("CATEGORY_PERSONAL", "Personal"), Map.entry("CATEGORY_SOCIAL", "Social"),
            Map.entry("CATEGORY_PROMOTIONS", "Promotions"), Map.entry("CATEGORY_UPDATES", "Updates"), Map.entry("CATEGORY_FORUMS", "Forums"));
    /** System labels Gmail itself does not list for people. */
    private static final Set<String> HIDDEN = Set.of("CHAT");

    private LabelNames() {
    }

    static boolean shown(Label label) {
        return !(label.type() == Label.Type.SYSTEM && HIDDEN.contains(label.id().value()));
    }

    private static int rank(Label label) {
        int index = ORDER.indexOf(label.id().value());
        if (label.type() == Label.Type.SYSTEM) return index >= 0 ? index : ORDER.size();
        return ORDER.size() + 1;
    }

    static String display(Label label) {
        if (label.type() == Label.Type.SYSTEM) return SYSTEM.getOrDefault(label.id().value(), label.name());
        return label.name();
    }
}
