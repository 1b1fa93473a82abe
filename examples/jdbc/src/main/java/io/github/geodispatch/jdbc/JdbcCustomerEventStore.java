package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.CustomerConflictException;
import io.github.geodispatch.spi.CustomerEvent;
import io.github.geodispatch.spi.CustomerEventStore;
import io.github.geodispatch.spi.CustomerStreamId;
import io.github.geodispatch.spi.StoredCustomerEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link CustomerEventStore} over a host's {@link DataSource} (PostgreSQL or H2, schema by migration
 * {@code V6__customers_and_contracts}): one {@code customer_event} row per event with its JSON payload
 * ({@link CustomerEventJson}). An append is one transaction that first locks the single
 * {@code customer_event_position} row, so appends are serialised, positions follow commit order without gaps,
 * and the replay and version checks under the lock see every committed event; the unique constraints on stream
 * version and event id hold even against a writer that bypasses the lock. Customer streams change seldom, so
 * one lock costs nothing that matters. Thread-safe: every call takes its own connection.
 */
public final class JdbcCustomerEventStore implements CustomerEventStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Tables tables;

    /** Made by {@link JdbcDatabase#customers()}, which has migrated the schema. */
    JdbcCustomerEventStore(DataSource dataSource, Tables tables) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.tables = tables;
    }

    @Override
    public List<StoredCustomerEvent> append(CustomerStreamId stream, long expectedVersion,
                                            List<? extends CustomerEvent> events) {
        CustomerEventStore.requireAppendable(stream, expectedVersion, events);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<StoredCustomerEvent> result = appendLocked(c, stream, expectedVersion, events);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw new CustomerConflictException(stream, expectedVersion, version(stream));
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("appending " + events.size() + " events to customer stream " + stream, e);
        }
    }

    private List<StoredCustomerEvent> appendLocked(Connection c, CustomerStreamId stream, long expectedVersion,
                                                   List<? extends CustomerEvent> events) throws SQLException {
        long last;
        try (PreparedStatement lock = c.prepareStatement(
                "UPDATE " + tables.customerEventPosition + " SET last_position = last_position WHERE id = 1")) {
            lock.executeUpdate();
        }
        List<StoredCustomerEvent> replayed = replayed(c, events);
        if (replayed != null) {
            return replayed;
        }
        long current = version(c, stream);
        if (current != expectedVersion) {
            throw new CustomerConflictException(stream, expectedVersion, current);
        }
        try (PreparedStatement read = c.prepareStatement("SELECT last_position FROM " + tables.customerEventPosition + " WHERE id = 1");
             ResultSet rs = read.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        List<StoredCustomerEvent> stored = new ArrayList<>(events.size());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + tables.customerEvent + " (position, tenant_id, customer_id,"
                + " version, event_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CustomerEvent event : events) {
                long position = ++last;
                insert.setLong(1, position);
                insert.setString(2, stream.tenant().value());
                insert.setString(3, stream.customer().value());
                insert.setLong(4, event.header().version());
                insert.setObject(5, event.header().eventId());
                insert.setString(6, CustomerEventJson.type(event));
                insert.setString(7, CustomerEventJson.write(event));
                insert.addBatch();
                stored.add(new StoredCustomerEvent(position, event));
            }
            insert.executeBatch();
        }
        try (PreparedStatement advance = c.prepareStatement(
                "UPDATE " + tables.customerEventPosition + " SET last_position = ? WHERE id = 1")) {
            advance.setLong(1, last);
            advance.executeUpdate();
        }
        return List.copyOf(stored);
    }

    /** The stored copies when every event is stored identically, null when none is; throws when only some are. */
    private List<StoredCustomerEvent> replayed(Connection c, List<? extends CustomerEvent> events) throws SQLException {
        Map<UUID, StoredCustomerEvent> found = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT position, payload FROM " + tables.customerEvent + " WHERE event_id = ?")) {
            for (CustomerEvent event : events) {
                select.setObject(1, event.header().eventId());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        CustomerEvent stored = CustomerEventJson.read(rs.getString(2));
                        if (!stored.equals(event)) {
                            throw new IllegalArgumentException("event id " + event.header().eventId()
                                    + " is already stored with other content at " + stored.header().stream()
                                    + " version " + stored.header().version());
                        }
                        found.put(event.header().eventId(), new StoredCustomerEvent(rs.getLong(1), stored));
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() != events.size()) {
            throw new IllegalArgumentException("append to " + events.get(0).header().stream() + " repeats " + found.size()
                    + " of its " + events.size() + " events: replay the whole append or none of it");
        }
        List<StoredCustomerEvent> inOrder = new ArrayList<>(events.size());
        for (CustomerEvent event : events) {
            inOrder.add(found.get(event.header().eventId()));
        }
        return List.copyOf(inOrder);
    }

    @Override
    public List<CustomerEvent> readStream(CustomerStreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT payload FROM " + tables.customerEvent
                     + " WHERE tenant_id = ? AND customer_id = ? ORDER BY version")) {
            select.setString(1, stream.tenant().value());
            select.setString(2, stream.customer().value());
            List<CustomerEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(CustomerEventJson.read(rs.getString(1)));
                }
            }
            return List.copyOf(events);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading customer stream " + stream, e);
        }
    }

    @Override
    public long version(CustomerStreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection c = dataSource.getConnection()) {
            return version(c, stream);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the version of customer stream " + stream, e);
        }
    }

    private long version(Connection c, CustomerStreamId stream) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM " + tables.customerEvent
                + " WHERE tenant_id = ? AND customer_id = ?")) {
            select.setString(1, stream.tenant().value());
            select.setString(2, stream.customer().value());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<StoredCustomerEvent> readAll(long afterPosition, int maxCount) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("after position must be >= 0, was " + afterPosition);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("max count must be >= 1, was " + maxCount);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT position, payload FROM " + tables.customerEvent
                     + " WHERE position > ? ORDER BY position LIMIT ?")) {
            select.setLong(1, afterPosition);
            select.setInt(2, maxCount);
            List<StoredCustomerEvent> page = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    page.add(new StoredCustomerEvent(rs.getLong(1), CustomerEventJson.read(rs.getString(2))));
                }
            }
            return List.copyOf(page);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading customer events after position " + afterPosition, e);
        }
    }

    @Override
    public long lastPosition() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT last_position FROM " + tables.customerEventPosition + " WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the last customer event position", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcCustomerEventStore{" + dataSource + "}";
    }
}
