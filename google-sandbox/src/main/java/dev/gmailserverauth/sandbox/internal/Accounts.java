package dev.gmailserverauth.sandbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The accounts of the sandbox, in the order they were added. */
public final class Accounts {
    private final Map<String, Account> byEmail = new LinkedHashMap<>();
    private final Map<String, Account> byId = new LinkedHashMap<>();
    private final RandomGenerator random;

    public Accounts(RandomGenerator random) {
        this.random = random;
    }

    public synchronized Account add(String email, String displayName) {
        String key = email.toLowerCase(Locale.ROOT);
        if (byEmail.containsKey(key)) throw new IllegalArgumentException("account exists: " + email);
        String id;
        do {
            id = "10" + String.format("%019d", random.nextLong(1_000_000_000_000_000_000L));
        } while (byId.containsKey(id));
        Account account = new Account(id, key, displayName);
        byEmail.put(key, account);
        byId.put(id, account);
        return account;
    }

    public synchronized Optional<Account> byEmail(String email) {
        return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    public synchronized Optional<Account> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** By email or by id, as {@code login_hint} allows. */
    public synchronized Optional<Account> byHint(String hint) {
        return byEmail(hint).or(() -> byId(hint));
    }

    public Account require(String email) {
        return byEmail(email).orElseThrow(() -> new IllegalArgumentException("no such account: " + email));
    }

    public synchronized List<Account> all() {
        return new ArrayList<>(byEmail.values());
    }
}
