package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.Mailbox;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A user's labels: system labels first, then their own, each by name. */
public final class ListLabels {
    private final Mailbox mailbox;
    private final MailboxAccess access;

    public ListLabels(Mailbox mailbox, AuthorizedAccess access, BeginAuthorization begin) {
        this.mailbox = Objects.requireNonNull(mailbox);
        this.access = new MailboxAccess(access, begin);
    }

    public MailOutcome<List<Label>> list(UserId user) {
        return access.call(user, token -> mailbox.listLabels(token).map(labels -> labels.stream()
                .sorted(Comparator.comparing(Label::type).thenComparing(Label::name, String.CASE_INSENSITIVE_ORDER))
                .toList()));
    }
}
