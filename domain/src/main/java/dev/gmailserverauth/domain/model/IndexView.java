package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which messages of the index a list shows: every message (less spam and trash, as Gmail's unfiltered
 * list), or those carrying one label (the inbox, unread, starred, a person's own label; spam and trash only in
 * their own views: a trashed message may still carry {@code INBOX}).
 */
public record IndexView(Optional<LabelId> label) {
    /** Labels the unfiltered list leaves out, as Gmail's {@code messages.list} does without {@code includeSpamTrash}. */
    public static final Set<LabelId> HIDDEN = Set.of(new LabelId("SPAM"), new LabelId("TRASH"));
    public static final IndexView ALL = new IndexView(Optional.empty());

    public IndexView {
        Objects.requireNonNull(label, "label");
    }

    public static IndexView of(LabelId label) {
        return new IndexView(Optional.of(label));
    }

    /** True when a message with these labels belongs in the view. */
    public boolean shows(Set<LabelId> labels) {
        boolean hidden = labels.stream().anyMatch(HIDDEN::contains);
        return label.map(wanted -> labels.contains(wanted) && (!hidden || HIDDEN.contains(wanted))).orElse(!hidden);
    }
}
