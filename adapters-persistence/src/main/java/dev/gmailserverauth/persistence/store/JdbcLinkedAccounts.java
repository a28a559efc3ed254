package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.LinkedAccounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LinkedAccounts} on JDBC, the same SQL for SQLite and PostgreSQL. The Google account id is the
 * primary key, so {@code INSERT ... ON CONFLICT DO NOTHING} decides atomically, on any instance, which person
 * an account belongs to; nothing here is secret.
 */
public final class JdbcLinkedAccounts implements LinkedAccounts {
    private static final String INSERT = """
            INSERT INTO linked_accounts (user_id, person_id, email, linked_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (user_id) DO NOTHING
            """;
    private static final String RENEW = "UPDATE linked_accounts SET email = ? WHERE user_id = ? AND person_id = ?";
    private static final String COLUMNS = "SELECT user_id, person_id, email, linked_at FROM linked_accounts";
    private static final String FIND = COLUMNS + " WHERE user_id = ?";
    private static final String OF_PERSON = COLUMNS + " WHERE person_id = ? ORDER BY linked_at, user_id";
    private static final String ALL = COLUMNS + " ORDER BY person_id, linked_at, user_id";
    private static final String DELETE = "DELETE FROM linked_accounts WHERE user_id = ?";

    private final Jdbc jdbc;

    public JdbcLinkedAccounts(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public Linking link(LinkedAccount account) {
        // An unlink between the insert and the read leaves nothing to read: the account is free again, so try once more.
        return tryLink(account).or(() -> tryLink(account))
                .orElseThrow(() -> new IllegalStateException("account " + account.account().value() + " is being linked and unlinked at once"));
    }

    private Optional<Linking> tryLink(LinkedAccount account) {
        int inserted = jdbc.update("linking account " + account.account().value(), INSERT, statement -> {
            statement.setString(1, account.account().value());
            statement.setString(2, account.person().value());
            statement.setString(3, account.email().value());
            statement.setLong(4, account.linkedAt().toEpochMilli());
        });
        if (inserted == 1) return Optional.of(new Linking.Linked(account));
        int renewed = jdbc.update("renewing the link of account " + account.account().value(), RENEW, statement -> {
            statement.setString(1, account.email().value());
            statement.setString(2, account.account().value());
            statement.setString(3, account.person().value());
        });
        return find(account.account()).<Linking>map(existing -> renewed == 1 ? new Linking.AlreadyLinked(existing) : new Linking.LinkedElsewhere(existing.person()));
    }

    @Override
    public Optional<LinkedAccount> find(UserId account) {
        return jdbc.queryOne("reading the link of account " + account.value(), FIND,
                statement -> statement.setString(1, account.value()), JdbcLinkedAccounts::toLink);
    }

    @Override
    public List<LinkedAccount> accountsOf(PersonId person) {
        return jdbc.query("reading the accounts of person " + person.value(), OF_PERSON,
                statement -> statement.setString(1, person.value()), JdbcLinkedAccounts::toLink);
    }

    @Override
    public List<LinkedAccount> all() {
        return jdbc.query("reading every linked account", ALL, statement -> { }, JdbcLinkedAccounts::toLink);
    }

    @Override
    public boolean unlink(UserId account) {
        return jdbc.update("unlinking account " + account.value(), DELETE, statement -> statement.setString(1, account.value())) > 0;
    }

    private static LinkedAccount toLink(ResultSet row) throws SQLException {
        return new LinkedAccount(new UserId(row.getString("user_id")), new EmailAddress(row.getString("email")),
                new PersonId(row.getString("person_id")), Instant.ofEpochMilli(row.getLong("linked_at")));
    }
}
