package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.StockAppend;
import io.github.geodispatch.spi.StockConflictException;
import io.github.geodispatch.spi.StockEvent;
import io.github.geodispatch.spi.StockEventStore;
import io.github.geodispatch.spi.StockStreamId;
import io.github.geodispatch.spi.StoredStockEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link StockEventStore} over a host's {@link DataSource} (PostgreSQL or H2), in the tables of migration
 * {@code V7__stock.sql}: one row per event, the payload as {@link StockEventJson}. Every append locks the single
 * {@code stock_position} row first, so stock appends are serialised: the replay and version checks that follow see
 * every committed append, positions commit in order without gaps, and an append to several streams commits all of
 * them or none. The unique (tenant, stream, version) and event id constraints stay as a guard.
 *
 * <pre>{@code
 * JdbcDatabase.migrate(dataSource, null);                       // the adapter's Flyway migrations, V7 included
 * StockEventStore stock = JdbcStockEventStore.over(dataSource);
 * GeoDispatch gd = GeoDispatch.builder().business(...).stockStore(stock).build();
 * }</pre>
 *
 * <p>Thread-safe: each call borrows its own connection.
 */
public final class JdbcStockEventStore implements StockEventStore {
    private final DataSource dataSource;
    private final String events;
    private final String position;

    /** Made by {@link JdbcDatabase#stock()}, which has migrated the schema. */
    JdbcStockEventStore(DataSource dataSource, Tables tables) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.events = tables.stockEvent;
        this.position = tables.stockPosition;
    }

    @Override
    public List<StoredStockEvent> append(List<StockAppend> appends) {
        Objects.requireNonNull(appends, "appends");
        if (appends.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        Set<StockStreamId> streams = new HashSet<>();
        List<StockEvent> all = new ArrayList<>();
        for (StockAppend a : appends) {
            if (!streams.add(Objects.requireNonNull(a, "append").stream())) {
                throw new IllegalArgumentException("stream " + a.stream() + " appears twice in one append");
            }
            all.addAll(a.events());
        }
        List<String> payloads = all.stream().map(StockEventJson::write).toList();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<StoredStockEvent> stored = append(c, appends, all, payloads);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof SQLException sql && SqlErrors.isUniqueViolation(sql)) {
                    throw new IllegalArgumentException("an event id of the append to " + appends.get(0).stream()
                            + " is already stored", e);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("appending to " + appends.get(0).stream(), e);
        }
    }

    private List<StoredStockEvent> append(Connection c, List<StockAppend> appends, List<StockEvent> all,
                                          List<String> payloads) throws SQLException {
        long last;
        try (PreparedStatement lock = c.prepareStatement("SELECT last_position FROM " + position
                + " WHERE id = 1 FOR UPDATE"); ResultSet rs = lock.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        List<StoredStockEvent> replayed = replayed(c, all);
        if (replayed != null) {
            return replayed;
        }
        for (StockAppend a : appends) {
            long version = version(c, a.stream());
            if (version != a.expectedVersion()) {
                throw new StockConflictException(a.stream(), a.expectedVersion(), version);
            }
        }
        List<StoredStockEvent> stored = new ArrayList<>(all.size());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + events
                + " (position, tenant_id, stream_key, version, event_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < all.size(); i++) {
                StockEvent e = all.get(i);
                long p = last + 1 + i;
                insert.setLong(1, p);
                insert.setString(2, e.header().tenant().value());
                insert.setString(3, e.header().stream().key());
                insert.setLong(4, e.header().version());
                insert.setObject(5, e.header().eventId());
                insert.setString(6, StockEventJson.typeOf(e));
                insert.setString(7, payloads.get(i));
                insert.addBatch();
                stored.add(new StoredStockEvent(p, e));
            }
            insert.executeBatch();
        }
        try (PreparedStatement advance = c.prepareStatement("UPDATE " + position + " SET last_position = ? WHERE id = 1")) {
            advance.setLong(1, last + all.size());
            advance.executeUpdate();
        }
        return List.copyOf(stored);
    }

    /**
     * The stored copies when every event is stored already, identical (a replayed append); null when none is; an
     * {@link IllegalArgumentException} when only some are, or one is stored with other content.
     */
    private List<StoredStockEvent> replayed(Connection c, List<StockEvent> all) throws SQLException {
        Map<UUID, StoredStockEvent> found = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT position, payload FROM " + events + " WHERE event_id IN (");
        for (int i = 0; i < all.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement select = c.prepareStatement(sql.append(')').toString())) {
            for (int i = 0; i < all.size(); i++) {
                select.setObject(i + 1, all.get(i).header().eventId());
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredStockEvent s = new StoredStockEvent(rs.getLong(1), StockEventJson.read(rs.getString(2)));
                    found.put(s.event().header().eventId(), s);
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        List<StoredStockEvent> copies = new ArrayList<>(all.size());
        for (StockEvent e : all) {
            StoredStockEvent s = found.get(e.header().eventId());
            if (s != null && !s.event().equals(e)) {
                throw new IllegalArgumentException("event id " + e.header().eventId() + " is already stored with other"
                        + " content at " + s.event().header().stream() + " version " + s.event().header().version());
            }
            if (s != null) {
                copies.add(s);
            }
        }
        if (copies.size() != all.size()) {
            throw new IllegalArgumentException("append to " + all.get(0).header().stream() + " repeats " + copies.size()
                    + " of its " + all.size() + " events: replay the whole append or none of it");
        }
        return List.copyOf(copies);
    }

    private long version(Connection c, StockStreamId stream) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM " + events
                + " WHERE tenant_id = ? AND stream_key = ?")) {
            select.setString(1, stream.tenant().value());
            select.setString(2, stream.key());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<StockEvent> readStream(StockStreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT payload FROM " + events
                     + " WHERE tenant_id = ? AND stream_key = ? ORDER BY version")) {
            select.setString(1, stream.tenant().value());
            select.setString(2, stream.key());
            List<StockEvent> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(StockEventJson.read(rs.getString(1)));
                }
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading " + stream, e);
        }
    }

    @Override
    public long version(StockStreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection c = dataSource.getConnection()) {
            return version(c, stream);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the version of " + stream, e);
        }
    }

    @Override
    public List<StoredStockEvent> readAll(long afterPosition, int maxCount) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("after position must be >= 0, was " + afterPosition);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("max count must be >= 1, was " + maxCount);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT position, payload FROM " + events
                     + " WHERE position > ? ORDER BY position LIMIT ?")) {
            select.setLong(1, afterPosition);
            select.setInt(2, maxCount);
            List<StoredStockEvent> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredStockEvent(rs.getLong(1), StockEventJson.read(rs.getString(2))));
                }
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading stock events after " + afterPosition, e);
        }
    }

    @Override
    public long lastPosition() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT last_position FROM " + position + " WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the last stock position", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcStockEventStore{" + events + "}";
    }
}
