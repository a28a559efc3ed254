package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A user's labels: system labels first, then their own, each by name. */
public final class ListLabels {
    private final Mailbox mailbox;

    public ListLabels(Mailbox mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox);
    }

    public MailOutcome<List<Label>> list(MailboxGrant grant) {
        return grant.call(token -> mailbox.listLabels(token).map(labels -> labels.stream()
                .sorted(Comparator.comparing(Label::type).thenComparing(Label::name, String.CASE_INSENSITIVE_ORDER))
                .toList()));
    }
}
