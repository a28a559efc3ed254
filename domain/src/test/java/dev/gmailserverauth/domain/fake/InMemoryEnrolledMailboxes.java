package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link EnrolledMailboxes} in a map, for tests. */
public final class InMemoryEnrolledMailboxes implements EnrolledMailboxes {
    private final Map<UserId, EnrolledMailbox> mailboxes = new ConcurrentHashMap<>();

    @Override
    public void save(EnrolledMailbox mailbox) {
        mailboxes.put(mailbox.user(), mailbox);
    }

    @Override
    public Optional<EnrolledMailbox> findByEmail(EmailAddress email) {
        return mailboxes.values().stream().filter(m -> m.email().equals(email)).findFirst();
    }

    @Override
    public Optional<EnrolledMailbox> findByUserId(UserId user) {
        return Optional.ofNullable(mailboxes.get(user));
    }

    @Override
    public List<EnrolledMailbox> all() {
        return mailboxes.values().stream().sorted(Comparator.comparing(m -> m.email().value())).toList();
    }

    @Override
    public boolean remove(EmailAddress email) {
        return findByEmail(email).map(m -> mailboxes.remove(m.user()) != null).orElse(false);
    }
}
