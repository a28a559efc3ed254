package dev.gmailserverauth.sandbox.internal.gmail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A Gmail label; system labels have id == name. */
record GmailLabelRecord(String id, String name, boolean system, Optional<LabelColor> color) {
    public static final List<String> SYSTEM_IDS = List.of("INBOX", "SENT", "DRAFT", "SPAM", "TRASH", "UNREAD", "STARRED",
            "IMPORTANT", "CHAT", "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES",
            "CATEGORY_FORUMS");

    public record LabelColor(String textColor, String backgroundColor) {}

    public GmailLabelRecord {
        if (id == null || id.isBlank() || name == null || name.isBlank()) throw new IllegalArgumentException("label id and name are required");
        if (color == null) throw new IllegalArgumentException("color is null");
    }

    public static GmailLabelRecord system(String id) {
        return new GmailLabelRecord(id, id, true, Optional.empty());
    }

    /** The form {@code label:} search uses: lower case, spaces and slashes as dashes. */
    public String searchName() {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-').replace('/', '-');
    }
}
