package io.github.geodispatch.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.geodispatch.spi.DeliveryStatus;
import io.github.geodispatch.spi.MessageRecipient;
import io.github.geodispatch.spi.MessageStore;
import io.github.geodispatch.spi.OutboundMessage;
import io.github.geodispatch.spi.StoredMessage;
import io.github.geodispatch.spi.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link MessageStore} over the {@code outbound_message} table, so that every engine instance of a business over one
 * database shares one outbox: {@link #enqueue} is an insert that the primary key (tenant, message key) lets through
 * once, {@link #replace} an update that matches the stored version (the compare-and-set), and the lookups read the
 * indexed columns. The whole {@link StoredMessage} is kept as JSON in {@code body}, so what is read back equals what was
 * stored. Instants are compared as epoch nanoseconds.
 *
 * <p>Thread-safe: every call borrows its own connection.
 */
public final class JdbcMessageStore implements MessageStore {
    private static final JsonMapper MAPPER = EventJson.strictMapper().build();
    private static final ObjectWriter WRITER = MAPPER.writerFor(StoredMessage.class);
    private static final ObjectReader READER = MAPPER.readerFor(StoredMessage.class);
    private static final int MAX_DUE = 10_000;

    private final DataSource dataSource;
    private final String insertSql;
    private final String findSql;
    private final String replaceSql;
    private final String dueSql;
    private final String byProviderSql;
    private final String sentSinceSql;

    JdbcMessageStore(DataSource dataSource, Dialect dialect, Tables tables) {
        this.dataSource = dataSource;
        String table = tables.outboundMessage;
        this.insertSql = "INSERT INTO " + table + " (tenant, message_key, recipient, status, version, due_at, sent_at,"
                + " provider_message_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.findSql = "SELECT body FROM " + table + " WHERE tenant = ? AND message_key = ?";
        this.replaceSql = "UPDATE " + table + " SET status = ?, version = ?, due_at = ?, sent_at = ?,"
                + " provider_message_id = ?, body = ? WHERE tenant = ? AND message_key = ? AND version = ?";
        this.dueSql = "SELECT body FROM " + table + " WHERE tenant = ? AND status = ? AND due_at <= ?"
                + " ORDER BY due_at, message_key" + dialect.binaryCollation + " LIMIT ?";
        this.byProviderSql = "SELECT body FROM " + table + " WHERE provider_message_id = ?";
        this.sentSinceSql = "SELECT COUNT(*) FROM " + table + " WHERE tenant = ? AND recipient = ? AND sent_at >= ?";
    }

    @Override
    public boolean enqueue(OutboundMessage message, Instant at) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
        StoredMessage queued = StoredMessage.queued(message, at);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(insertSql)) {
            ps.setString(1, message.tenant().value());
            ps.setString(2, message.key());
            ps.setString(3, message.recipient().text());
            bindState(ps, 4, queued);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw new JdbcStoreException("queuing message " + message.key(), e);
        }
    }

    @Override
    public Optional<StoredMessage> find(TenantId tenant, String key) {
        return one(findSql, "reading message " + key, tenant.value(), key);
    }

    @Override
    public boolean replace(StoredMessage current, StoredMessage next) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        if (!next.message().equals(current.message()) || next.version() != current.version() + 1) {
            throw new IllegalArgumentException("message " + current.key() + " at version " + current.version()
                    + " can only be replaced by the same message at version " + (current.version() + 1));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(replaceSql)) {
            bindState(ps, 1, next);
            ps.setString(7, current.message().tenant().value());
            ps.setString(8, current.key());
            ps.setLong(9, current.version());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new JdbcStoreException("replacing message " + current.key() + " at version " + current.version(), e);
        }
    }

    @Override
    public List<StoredMessage> due(TenantId tenant, DeliveryStatus status, Instant now, int limit) {
        List<StoredMessage> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(dueSql)) {
            ps.setString(1, tenant.value());
            ps.setString(2, status.name());
            ps.setLong(3, nanos(now));
            ps.setInt(4, Math.max(0, Math.min(limit, MAX_DUE)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(read(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("listing " + status + " messages due by " + now, e);
        }
        return List.copyOf(due);
    }

    @Override
    public Optional<StoredMessage> byProviderMessageId(String providerMessageId) {
        return one(byProviderSql, "reading the message of provider id " + providerMessageId, providerMessageId);
    }

    @Override
    public int sentSince(TenantId tenant, MessageRecipient recipient, Instant since) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sentSinceSql)) {
            ps.setString(1, tenant.value());
            ps.setString(2, recipient.text());
            ps.setLong(3, nanos(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("counting the messages sent to " + recipient.text(), e);
        }
    }

    /** Binds status, version, due_at, sent_at, provider_message_id and body from {@code first} on. */
    private static void bindState(PreparedStatement ps, int first, StoredMessage m) throws SQLException {
        ps.setString(first, m.status().name());
        ps.setLong(first + 1, m.version());
        ps.setLong(first + 2, nanos(m.dueAt()));
        if (m.sentAt() == null) {
            ps.setNull(first + 3, Types.BIGINT);
        } else {
            ps.setLong(first + 3, nanos(m.sentAt()));
        }
        ps.setString(first + 4, m.providerMessageId());
        ps.setString(first + 5, write(m));
    }

    private Optional<StoredMessage> one(String sql, String what, String... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new JdbcStoreException(what, e);
        }
    }

    /** Epoch nanoseconds: exact for every instant from 1677 to 2262. */
    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static String write(StoredMessage m) {
        try {
            return WRITER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write message " + m.key() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static StoredMessage read(String body) {
        try {
            return READER.readValue(body);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("a stored message's body cannot be read: " + e.getOriginalMessage(),
                    new SQLException(e));
        }
    }
}
