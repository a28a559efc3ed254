package dev.gmailserverauth.application;

import dev.gmailserverauth.application.sync.KnownLabels;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A user's labels: system labels first, then their own, each by name. What Gmail lists is also told to
 * {@link KnownLabels}, so that a view of a label by name can then be read from the index.
 */
public final class ListLabels {
    private final Mailbox mailbox;
    private final KnownLabels known;

    public ListLabels(Mailbox mailbox, KnownLabels known) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.known = Objects.requireNonNull(known);
    }

    public MailOutcome<List<Label>> list(MailboxGrant grant) {
        return grant.call(token -> mailbox.listLabels(token).map(labels -> {
            known.listed(grant.user(), labels);
            return labels.stream()
                    .sorted(Comparator.comparing(Label::type).thenComparing(Label::name, String.CASE_INSENSITIVE_ORDER))
                    .toList();
        }));
    }
}
