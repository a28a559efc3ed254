package dev.gmailserverauth.persistence.store;

import dev.gmailserverauth.domain.model.IndexCursor;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MessageIndex;
import dev.gmailserverauth.persistence.crypto.AssociatedData;
import dev.gmailserverauth.persistence.crypto.TokenCipher;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@link MessageIndex} on JDBC, the same SQL for SQLite and PostgreSQL (tables {@code synced_messages} and
 * {@code synced_message_labels}). Subject, sender and snippet are sealed with the tokens' {@link TokenCipher},
 * each bound to its column and to the row (account and message id), and re-encrypted with every key rotation.
 * Writes and the sync progress ({@code sync_states}) move in one transaction.
 */
public final class JdbcMessageIndex implements MessageIndex, SealedRows {
    private static final String SUBJECT = "synced_messages.subject";
    private static final String SENDER = "synced_messages.sender";
    private static final String SNIPPET = "synced_messages.snippet";

    private static final String UPSERT = """
            INSERT INTO synced_messages (user_id, message_id, thread_id, sent_at, subject, sender, snippet, labels, hidden, key_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (user_id, message_id) DO UPDATE SET
                thread_id = excluded.thread_id, sent_at = excluded.sent_at, subject = excluded.subject, sender = excluded.sender,
                snippet = excluded.snippet, labels = excluded.labels, hidden = excluded.hidden, key_id = excluded.key_id""";
    private static final String DELETE_LABELS = "DELETE FROM synced_message_labels WHERE user_id = ? AND message_id = ?";
    private static final String INSERT_LABEL = "INSERT INTO synced_message_labels (user_id, label_id, sent_at, message_id) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM synced_messages WHERE user_id = ? AND message_id = ?";
    private static final String LABELS_OF = "SELECT labels, sent_at FROM synced_messages WHERE user_id = ? AND message_id = ?";
    private static final String SET_LABELS = "UPDATE synced_messages SET labels = ?, hidden = ? WHERE user_id = ? AND message_id = ?";
    private static final String COLUMNS = "m.message_id, m.thread_id, m.sent_at, m.subject, m.sender, m.snippet, m.labels";
    /** Ids bound per statement of {@link #find}: well under SQLite's and PostgreSQL's limits on parameters. */
    private static final int IDS_PER_STATEMENT = 500;
    private static final String AFTER = " AND (m.sent_at < ? OR (m.sent_at = ? AND m.message_id < ?))";
    private static final String NEWEST_FIRST = " ORDER BY m.sent_at DESC, m.message_id DESC LIMIT ?";
    private static final String NOT_UNDER_KEY =
            "SELECT user_id, message_id, subject, sender, snippet FROM synced_messages WHERE key_id <> ? ORDER BY user_id, message_id LIMIT ?";
    private static final String REENCRYPT = """
            UPDATE synced_messages SET subject = ?, sender = ?, snippet = ?, key_id = ?
            WHERE user_id = ? AND message_id = ? AND subject = ?""";

    private final Jdbc jdbc;
    private final TokenCipher cipher;

    public JdbcMessageIndex(Jdbc jdbc, TokenCipher cipher) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public boolean apply(UserId user, List<IndexWrite> writes, SyncProgress expected, SyncProgress next) {
        TokenCipher.Sealer sealer = cipher.sealer();
        return jdbc.inTransaction("applying " + writes.size() + " index writes for user " + user.value(), connection -> {
            if (!JdbcSyncStates.moveProgress(connection, user, expected, next)) return false;
            for (IndexWrite write : writes) {
                write.<Write>fold(
                        put -> c -> put(c, user, put.summary(), sealer),
                        remove -> c -> remove(c, user, remove.message()),
                        add -> c -> relabel(c, user, add.message(), add.labels(), true),
                        take -> c -> relabel(c, user, take.message(), take.labels(), false)).on(connection);
            }
            return true;
        });
    }

    /** One write, on the transaction's connection. */
    @FunctionalInterface
    private interface Write {
        void on(Connection connection) throws SQLException;
    }

    @Override
    public Page<MessageSummary> list(UserId user, IndexView view, Optional<PageToken> page, PageSize size) {
        Optional<IndexCursor> after = page.map(IndexCursor::parse);
        String where = view.label().map(label -> " FROM synced_messages m JOIN synced_message_labels l"
                        + " ON l.user_id = m.user_id AND l.message_id = m.message_id WHERE m.user_id = ? AND l.label_id = ?"
                        + (IndexView.HIDDEN.contains(label) ? "" : " AND m.hidden = 0"))
                .orElse(" FROM synced_messages m WHERE m.user_id = ? AND m.hidden = 0");
        Jdbc.Binder filter = statement -> {
            statement.setString(1, user.value());
            if (view.label().isPresent()) statement.setString(2, view.label().get().value());
        };
        int filterParameters = view.label().isPresent() ? 2 : 1;
        List<MessageSummary> rows = jdbc.query("listing the index of user " + user.value(),
                "SELECT " + COLUMNS + where + (after.isPresent() ? AFTER : "") + NEWEST_FIRST, statement -> {
                    filter.bind(statement);
                    int next = filterParameters + 1;
                    if (after.isPresent()) {
                        statement.setLong(next++, after.get().date().toEpochMilli());
                        statement.setLong(next++, after.get().date().toEpochMilli());
                        statement.setString(next++, after.get().id().value());
                    }
                    statement.setInt(next, size.value() + 1);
                }, row -> toSummary(user, row));
        int total = jdbc.queryOne("counting the index of user " + user.value(), "SELECT COUNT(*)" + where, filter, row -> row.getInt(1)).orElse(0);
        List<MessageSummary> items = rows.subList(0, Math.min(rows.size(), size.value()));
        Optional<PageToken> nextPage = rows.size() > items.size() ? Optional.of(IndexCursor.after(items.get(items.size() - 1)).token()) : Optional.empty();
        return new Page<>(items, nextPage, total);
    }

    @Override
    public List<MessageSummary> find(UserId user, Collection<MessageId> ids) {
        List<MessageId> distinct = ids.stream().distinct().toList();
        List<MessageSummary> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IDS_PER_STATEMENT) {
            List<MessageId> chunk = distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_STATEMENT));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            found.addAll(jdbc.query("finding " + chunk.size() + " indexed messages of user " + user.value(),
                    "SELECT " + COLUMNS + " FROM synced_messages m WHERE m.user_id = ? AND m.message_id IN (" + marks + ")", statement -> {
                        statement.setString(1, user.value());
                        for (int i = 0; i < chunk.size(); i++) statement.setString(i + 2, chunk.get(i).value());
                    }, row -> toSummary(user, row)));
        }
        return found;
    }

    @Override
    public List<MessageId> idsSince(UserId user, Instant since) {
        return jdbc.query("listing recent ids of user " + user.value(),
                "SELECT message_id FROM synced_messages m WHERE user_id = ? AND sent_at >= ? ORDER BY m.sent_at DESC, m.message_id DESC", statement -> {
                    statement.setString(1, user.value());
                    statement.setLong(2, since.toEpochMilli());
                }, row -> new MessageId(row.getString(1)));
    }

    @Override
    public int count(UserId user) {
        return jdbc.queryOne("counting the index of user " + user.value(), "SELECT COUNT(*) FROM synced_messages WHERE user_id = ?",
                statement -> statement.setString(1, user.value()), row -> row.getInt(1)).orElse(0);
    }

    @Override
    public int deleteAllOf(UserId user) {
        return jdbc.inTransaction("deleting the index of user " + user.value(), connection -> {
            Jdbc.update(connection, "DELETE FROM synced_message_labels WHERE user_id = ?", statement -> statement.setString(1, user.value()));
            return Jdbc.update(connection, "DELETE FROM synced_messages WHERE user_id = ?", statement -> statement.setString(1, user.value()));
        });
    }

    @Override
    public String table() {
        return "synced_messages";
    }

    @Override
    public Map<String, Integer> rowsByKey() {
        return jdbc.countsByKey("counting synced messages by key", "SELECT key_id, COUNT(*) FROM synced_messages GROUP BY key_id");
    }

    @Override
    public int reencrypt(TokenCipher.Sealer sealer, int limit) {
        record Sealed(String userId, String messageId, byte[] subject, byte[] sender, byte[] snippet) { }
        List<Sealed> rows = jdbc.query("reading synced messages to re-encrypt", NOT_UNDER_KEY, statement -> {
            statement.setString(1, sealer.keyId());
            statement.setInt(2, limit);
        }, row -> new Sealed(row.getString(1), row.getString(2), row.getBytes(3), row.getBytes(4), row.getBytes(5)));
        int rewritten = 0;
        for (Sealed row : rows) {
            String owner = owner(row.userId(), row.messageId());
            byte[] subject = reseal(sealer, row.subject(), data(SUBJECT, owner));
            byte[] sender = reseal(sealer, row.sender(), data(SENDER, owner));
            byte[] snippet = reseal(sealer, row.snippet(), data(SNIPPET, owner));
            rewritten += jdbc.update("re-encrypting a synced message of user " + row.userId(), REENCRYPT, statement -> {
                statement.setBytes(1, subject);
                statement.setBytes(2, sender);
                statement.setBytes(3, snippet);
                statement.setString(4, sealer.keyId());
                statement.setString(5, row.userId());
                statement.setString(6, row.messageId());
                statement.setBytes(7, row.subject());
            });
        }
        return rewritten;
    }

    private byte[] reseal(TokenCipher.Sealer sealer, byte[] sealed, AssociatedData data) {
        return sealer.seal(cipher.open(sealed, data), data);
    }

    private static void put(Connection connection, UserId user, MessageSummary summary, TokenCipher.Sealer sealer) throws SQLException {
        String owner = owner(user.value(), summary.id().value());
        Jdbc.update(connection, UPSERT, statement -> {
            statement.setString(1, user.value());
            statement.setString(2, summary.id().value());
            statement.setString(3, summary.threadId().value());
            statement.setLong(4, summary.date().toEpochMilli());
            statement.setBytes(5, sealer.seal(summary.subject(), data(SUBJECT, owner)));
            statement.setBytes(6, sealer.seal(summary.from(), data(SENDER, owner)));
            statement.setBytes(7, sealer.seal(summary.snippet(), data(SNIPPET, owner)));
            statement.setString(8, joined(summary.labelIds()));
            statement.setInt(9, hidden(summary.labelIds()));
            statement.setString(10, sealer.keyId());
        });
        writeLabels(connection, user, summary.id(), summary.date().toEpochMilli(), summary.labelIds());
    }

    private static void remove(Connection connection, UserId user, MessageId message) throws SQLException {
        Jdbc.Binder row = statement -> {
            statement.setString(1, user.value());
            statement.setString(2, message.value());
        };
        Jdbc.update(connection, DELETE_LABELS, row);
        Jdbc.update(connection, DELETE, row);
    }

    private static void relabel(Connection connection, UserId user, MessageId message, Set<LabelId> labels, boolean add) throws SQLException {
        record Held(Set<LabelId> labels, long sentAt) { }
        List<Held> held = Jdbc.query(connection, LABELS_OF, statement -> {
            statement.setString(1, user.value());
            statement.setString(2, message.value());
        }, row -> new Held(parsed(row.getString(1)), row.getLong(2)));
        if (held.isEmpty()) return;
        Set<LabelId> next = new LinkedHashSet<>(held.get(0).labels());
        if (add) next.addAll(labels);
        else next.removeAll(labels);
        Jdbc.update(connection, SET_LABELS, statement -> {
            statement.setString(1, joined(next));
            statement.setInt(2, hidden(next));
            statement.setString(3, user.value());
            statement.setString(4, message.value());
        });
        writeLabels(connection, user, message, held.get(0).sentAt(), next);
    }

    private static void writeLabels(Connection connection, UserId user, MessageId message, long sentAt, Set<LabelId> labels) throws SQLException {
        Jdbc.update(connection, DELETE_LABELS, statement -> {
            statement.setString(1, user.value());
            statement.setString(2, message.value());
        });
        for (LabelId label : labels) {
            Jdbc.update(connection, INSERT_LABEL, statement -> {
                statement.setString(1, user.value());
                statement.setString(2, label.value());
                statement.setLong(3, sentAt);
                statement.setString(4, message.value());
            });
        }
    }

    private MessageSummary toSummary(UserId user, ResultSet row) throws SQLException {
        String id = row.getString("message_id");
        String owner = owner(user.value(), id);
        return new MessageSummary(new MessageId(id), new ThreadId(row.getString("thread_id")),
                cipher.open(row.getBytes("subject"), data(SUBJECT, owner)),
                cipher.open(row.getBytes("sender"), data(SENDER, owner)),
                Instant.ofEpochMilli(row.getLong("sent_at")),
                cipher.open(row.getBytes("snippet"), data(SNIPPET, owner)),
                parsed(row.getString("labels")));
    }

    private static String joined(Set<LabelId> labels) {
        return labels.stream().map(LabelId::value).collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" "));
    }

    private static Set<LabelId> parsed(String labels) {
        return Arrays.stream(labels.split(" ")).filter(label -> !label.isEmpty()).map(LabelId::new).collect(Collectors.toSet());
    }

    private static int hidden(Set<LabelId> labels) {
        return labels.stream().anyMatch(IndexView.HIDDEN::contains) ? 1 : 0;
    }

    /** A sealed value belongs to one message of one account: copied to another row it does not open. */
    private static String owner(String userId, String messageId) {
        return userId + "/" + messageId;
    }

    private static AssociatedData data(String field, String owner) {
        return new AssociatedData(field, owner);
    }
}
