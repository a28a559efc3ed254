package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.LinkedAccounts;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LinkedAccounts} in a map, for tests. */
public final class InMemoryLinkedAccounts implements LinkedAccounts {
    private static final Comparator<LinkedAccount> ORDER = Comparator.comparing((LinkedAccount a) -> a.person().value())
            .thenComparing(LinkedAccount::linkedAt).thenComparing(a -> a.account().value());
    private final Map<UserId, LinkedAccount> links = new ConcurrentHashMap<>();

    @Override
    public synchronized Linking link(LinkedAccount account) {
        LinkedAccount existing = links.get(account.account());
        if (existing == null) {
            links.put(account.account(), account);
            return new Linking.Linked(account);
        }
        if (!existing.person().equals(account.person())) return new Linking.LinkedElsewhere(existing.person());
        LinkedAccount renewed = new LinkedAccount(existing.account(), account.email(), existing.person(), existing.linkedAt());
        links.put(account.account(), renewed);
        return new Linking.AlreadyLinked(renewed);
    }

    @Override
    public Optional<LinkedAccount> find(UserId account) {
        return Optional.ofNullable(links.get(account));
    }

    @Override
    public List<LinkedAccount> accountsOf(PersonId person) {
        return links.values().stream().filter(a -> a.person().equals(person)).sorted(ORDER).toList();
    }

    @Override
    public List<LinkedAccount> all() {
        return links.values().stream().sorted(ORDER).toList();
    }

    @Override
    public boolean unlink(UserId account) {
        return links.remove(account) != null;
    }
}
