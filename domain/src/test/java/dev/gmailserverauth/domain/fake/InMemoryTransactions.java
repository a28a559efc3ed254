package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.event.Transactions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link Transactions} for in-memory stores: runs the work and counts the transactions. In-memory fakes cannot roll
 * back; atomicity is proven on the real stores (the outbox contract).
 */
public final class InMemoryTransactions implements Transactions {
    private final AtomicInteger opened = new AtomicInteger();

    @Override
    public <T> T atomically(Supplier<T> work) {
        opened.incrementAndGet();
        return work.get();
    }

    public int opened() {
        return opened.get();
    }
}
