package dev.gmailserverauth.persistence.events;

import dev.gmailserverauth.domain.event.Transactions;
import dev.gmailserverauth.persistence.store.Jdbc;
import java.util.Objects;
import java.util.function.Supplier;

/** {@link Transactions} on the one {@link Jdbc} every store of the database shares: their calls join the transaction. */
public final class JdbcTransactions implements Transactions {
    private final Jdbc jdbc;

    public JdbcTransactions(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return jdbc.inSharedTransaction("a transaction", work);
    }
}
