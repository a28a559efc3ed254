package dev.gmailserverauth.web;

import dev.gmailserverauth.domain.model.Label;
import java.util.Map;
import java.util.Set;

/** How labels read in the sidebar: Gmail's own words for its system labels, the user's labels as named. */
final class LabelNames {
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

    static String display(Label label) {
        if (label.type() == Label.Type.SYSTEM) return SYSTEM.getOrDefault(label.id().value(), label.name());
        return label.name();
    }
}
