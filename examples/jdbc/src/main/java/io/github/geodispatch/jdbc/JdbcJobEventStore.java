package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TenantId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@link JobEventStore} over JDBC, on PostgreSQL ({@code jsonb} payloads) or H2. Each event is one row
 * of {@code job_event}: its stream key, version, event id, variant name, global position and the whole
 * event as JSON ({@link EventJson}). The schema comes from {@link JdbcDatabase}'s Flyway migrations.
 *
 * <h2>Optimistic concurrency</h2>
 * The unique constraint on (tenant, job, version) decides which of two racing appends at the same
 * expected version commits; the loser's unique violation becomes a {@link ConcurrencyConflictException}
 * naming the version it lost to. A stream that is behind the expected version is detected before any
 * write (its version {@code expectedVersion} is missing), so versions stay contiguous.
 *
 * <h2>Global positions: allocated under a lock, committed in order, no gaps</h2>
 * Sequences (and identity columns) hand out numbers at insert time but transactions commit in any order,
 * so a reader that has seen position 12 may later find 11 committed: an outbox or projection that
 * resumes "after 12" would skip it for ever. This store instead allocates positions by incrementing the
 * single row of {@code event_position}: the row lock is held until the appending transaction commits or
 * rolls back, so appends commit one after another in position order, and a rolled-back append gives its
 * numbers back. Positions are therefore 1, 2, 3... without gaps, and every event at or below a position a
 * reader has seen is already visible: {@link #readAll} can never skip a late commit. The price is that
 * appends are serialised for the span of "insert + commit" (the version check, serialisation and idempotency
 * checks happen before the lock); the README measures what that costs. The PostgreSQL-only alternative,
 * reading by transaction id below {@code pg_snapshot_xmin(pg_current_snapshot())}, scales further but does
 * not give the plain {@code long} position order the SPI promises, nor run on H2.
 *
 * <h2>Idempotency</h2>
 * Event ids are unique. Re-appending events that are stored identically (same stream, version and
 * content) returns the stored copies and stores nothing; an id stored with other content or elsewhere is
 * an {@link IllegalArgumentException}.
 *
 * <p>Thread-safe: every call borrows its own connection from the {@link DataSource}.
 */
public final class JdbcJobEventStore implements JobEventStore {

    /** One stream's part of an {@link #appendAll} batch: the same arguments as {@link #append}. */
    public record Append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
        public Append {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(events, "events");
            events = List.copyOf(events);
        }
    }

    private static final String INSERT_COLUMNS =
            "INSERT INTO job_event (position, tenant_id, job_id, version, event_id, event_type, payload) VALUES (?, ?, ?, ?, ?, ?, ";
    private static final String STREAM_VERSION =
            "SELECT COALESCE(MAX(version), 0) FROM job_event WHERE tenant_id = ? AND job_id = ?";
    /** Bind parameters per IN-list chunk: far below every driver's limit. */
    private static final int CHUNK = 500;
    /** The largest append PostgreSQL stores in one statement (7 parameters a row). */
    private static final int ONE_STATEMENT_MAX_ROWS = 64;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String insertSql;

    private JdbcJobEventStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.insertSql = INSERT_COLUMNS + dialect.jsonParameter + ")";
    }

    /**
     * A store over {@code dataSource}, whose schema must already be migrated ({@link JdbcDatabase#migrate}).
     * The database (PostgreSQL or H2) is detected from the connection.
     */
    public static JdbcJobEventStore over(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return new JdbcJobEventStore(dataSource, Dialect.of(connection));
        } catch (SQLException e) {
            throw new JdbcStoreException("connecting to the event store", e);
        }
    }

    static JdbcJobEventStore over(DataSource dataSource, Dialect dialect) {
        return new JdbcJobEventStore(dataSource, dialect);
    }

    @Override
    public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
        return appendAll(List.of(new Append(stream, expectedVersion, events)));
    }

    /**
     * Appends to several streams in one transaction: all of it is stored, or none. Each stream may appear
     * once with at least one event, and each part follows the rules of {@link #append}; the first stream
     * found in conflict is reported. This is the bulk path for imports and loads: one commit and one hold
     * of the position lock for many events.
     */
    public List<StoredEvent> appendAll(List<Append> appends) {
        Objects.requireNonNull(appends, "appends");
        if (appends.isEmpty()) {
            throw new IllegalArgumentException("nothing to append: no streams given");
        }
        List<Row> rows = validate(appends);
        try {
            List<StoredEvent> stored = insert(appends, rows);
            return stored != null ? stored : resolveRejected(appends, rows);
        } catch (UniqueViolation e) {
            return resolveRejected(appends, rows);
        } catch (SQLException e) {
            if (SqlErrors.isUntranslatableCharacter(e)) {
                throw new IllegalArgumentException("the database cannot store a text of these events "
                        + "(PostgreSQL rejects the NUL character \\u0000): " + e.getMessage(), e);
            }
            throw new JdbcStoreException("appending " + rows.size() + " events", e);
        }
    }

    @Override
    public List<JobEvent> readStream(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT payload FROM job_event WHERE tenant_id = ? AND job_id = ? ORDER BY version")) {
            ps.setString(1, stream.tenant().value());
            ps.setString(2, stream.job().value());
            List<JobEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(EventJson.read(rs.getString(1)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new JdbcStoreException("reading stream " + stream, e);
        }
    }

    @Override
    public long version(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(STREAM_VERSION)) {
            ps.setString(1, stream.tenant().value());
            ps.setString(2, stream.job().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the version of " + stream, e);
        }
    }

    @Override
    public List<StoredEvent> readAll(long afterPosition, int maxCount) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("afterPosition must be >= 0, was " + afterPosition);
        }
        if (maxCount < 0) {
            throw new IllegalArgumentException("maxCount must be >= 0, was " + maxCount);
        }
        if (maxCount == 0) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            return readAll(connection, afterPosition, maxCount);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading events after position " + afterPosition, e);
        }
    }

    /** {@link #readAll} on a connection the caller holds (the outbox reads under its checkpoint lock). */
    static List<StoredEvent> readAll(Connection connection, long afterPosition, int maxCount) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT position, payload FROM job_event WHERE position > ? ORDER BY position LIMIT ?")) {
            ps.setLong(1, afterPosition);
            ps.setInt(2, maxCount);
            ps.setFetchSize(Math.min(maxCount, 1_000));
            List<StoredEvent> events = new ArrayList<>(Math.min(maxCount, 1_000));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getLong(1), EventJson.read(rs.getString(2))));
                }
            }
            return events;
        }
    }

    @Override
    public long lastPosition() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM job_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the last position", e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** One event ready to insert: the event, its JSON, and the append it belongs to. */
    private record Row(JobEvent event, String json) {
    }

    /** Thrown inside {@link #insert} when the database reports a unique violation (rolled back). */
    private static final class UniqueViolation extends Exception {
        private static final long serialVersionUID = 1L;

        UniqueViolation(SQLException cause) {
            super(cause);
        }
    }

    private static List<Row> validate(List<Append> appends) {
        List<Row> rows = new ArrayList<>();
        Set<StreamId> streams = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        for (Append append : appends) {
            Objects.requireNonNull(append, "append");
            if (!streams.add(append.stream())) {
                throw new IllegalArgumentException("stream " + append.stream() + " appears twice in one batch");
            }
            if (append.expectedVersion() < 0) {
                throw new IllegalArgumentException("expected version must be >= 0, was " + append.expectedVersion()
                        + " for " + append.stream());
            }
            if (append.events().isEmpty()) {
                throw new IllegalArgumentException("nothing to append to " + append.stream() + ": no events given");
            }
            long version = append.expectedVersion();
            for (JobEvent event : append.events()) {
                Objects.requireNonNull(event, "event");
                version++;
                if (!event.header().stream().equals(append.stream())) {
                    throw new IllegalArgumentException("event " + event.header().eventId() + " belongs to stream "
                            + event.header().stream() + ", not to " + append.stream());
                }
                if (event.header().version() != version) {
                    throw new IllegalArgumentException("event " + event.header().eventId() + " of " + append.stream()
                            + " has version " + event.header().version() + ", expected " + version);
                }
                if (!ids.add(event.header().eventId())) {
                    throw new IllegalArgumentException("event id " + event.header().eventId() + " appears twice");
                }
                String json = EventJson.write(event);
                requireWellFormedUnicode(event, json);
                rows.add(new Row(event, json));
            }
        }
        return rows;
    }

    /**
     * A string with an unpaired UTF-16 surrogate cannot be encoded as UTF-8: the driver would store a
     * {@code ?} in its place and the stored event would no longer hash like the original.
     */
    private static void requireWellFormedUnicode(JobEvent event, String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("event " + event.header().eventId()
                        + " has a text with an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c)
                        + "), which no UTF-8 database can store exactly");
            }
        }
    }

    /** The current version of every stream of the batch that has events (absent = 0). */
    private static Map<StreamId, Long> currentVersions(Connection connection, List<Append> appends) throws SQLException {
        Map<StreamId, Long> versions = new HashMap<>();
        if (appends.size() == 1) {
            StreamId stream = appends.get(0).stream();
            try (PreparedStatement ps = connection.prepareStatement(STREAM_VERSION)) {
                ps.setString(1, stream.tenant().value());
                ps.setString(2, stream.job().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    versions.put(stream, rs.getLong(1));
                }
            }
            return versions;
        }
        // per tenant, one index lookup per job through a VALUES list (both databases would scan the whole
        // tenant for "job_id IN (...)" or a row-value IN list: H2 uses only the index's first column)
        Map<TenantId, List<String>> jobsByTenant = new LinkedHashMap<>();
        for (Append append : appends) {
            jobsByTenant.computeIfAbsent(append.stream().tenant(), t -> new ArrayList<>())
                    .add(append.stream().job().value());
        }
        for (Map.Entry<TenantId, List<String>> tenant : jobsByTenant.entrySet()) {
            List<String> jobs = tenant.getValue();
            for (int from = 0; from < jobs.size(); from += CHUNK) {
                List<String> chunk = jobs.subList(from, Math.min(jobs.size(), from + CHUNK));
                String sql = "SELECT v.job_id, (SELECT MAX(e.version) FROM job_event e"
                        + " WHERE e.tenant_id = ? AND e.job_id = v.job_id) FROM (VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), "(CAST(? AS VARCHAR(64)))"))
                        + ") AS v(job_id)";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ps.setString(1, tenant.getKey().value());
                    int i = 2;
                    for (String job : chunk) {
                        ps.setString(i++, job);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            versions.put(StreamId.of(tenant.getKey(), JobId.of(rs.getString(1))), rs.getLong(2));
                        }
                    }
                }
            }
        }
        return versions;
    }

    /**
     * Checks the streams' versions, then takes the position lock, inserts every row and commits; returns
     * null, having written nothing, when a stream is ahead of its expected version. The lock is the
     * counter row's: it is held from its UPDATE until the commit, so no other append commits in between.
     * The version check is a plain read before the lock: a rival that commits after it is caught by the
     * unique constraint, and a version once stored never goes away.
     *
     * <p>On PostgreSQL a small append (a command's events) runs as one auto-committed statement, so the
     * lock is held only inside the server, never across a round trip to this process; bulk appends lock,
     * batch-insert and commit as three steps (one lock hold for many events).
     */
    private List<StoredEvent> insert(List<Append> appends, List<Row> rows) throws SQLException, UniqueViolation {
        boolean oneStatement = dialect == Dialect.POSTGRESQL && rows.size() <= ONE_STATEMENT_MAX_ROWS;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(oneStatement);
            try {
                Map<StreamId, Long> current = currentVersions(connection, appends);
                for (Append append : appends) {
                    long actual = current.getOrDefault(append.stream(), 0L);
                    if (actual < append.expectedVersion()) {
                        // behind: nothing of this batch can be stored (an idempotent repeat would be ahead)
                        throw new ConcurrencyConflictException(append.stream(), append.expectedVersion(), actual);
                    }
                    if (actual > append.expectedVersion()) {
                        if (!oneStatement) {
                            connection.rollback();
                        }
                        return null;
                    }
                }
                if (oneStatement) {
                    return insertInOneStatement(connection, rows);
                }
                List<StoredEvent> stored = insertUnderLock(connection, rows);
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                if (!oneStatement) {
                    rollbackQuietly(connection, e);
                }
                if (e instanceof SQLException sql && SqlErrors.isUniqueViolation(sql)) {
                    throw new UniqueViolation(sql);
                }
                throw e;
            }
        }
    }

    /** Allocates the positions (locking the counter row) and batch-inserts, in the caller's transaction. */
    private List<StoredEvent> insertUnderLock(Connection connection, List<Row> rows) throws SQLException {
        long last;
        try (PreparedStatement ps = connection.prepareStatement(dialect.allocatePositions)) {
            ps.setLong(1, rows.size());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the event_position row is missing: was the schema migrated?");
                }
                last = rs.getLong(1);
            }
        }
        long position = last - rows.size();
        List<StoredEvent> stored = new ArrayList<>(rows.size());
        try (PreparedStatement ps = connection.prepareStatement(insertSql)) {
            for (Row row : rows) {
                position++;
                ps.setLong(1, position);
                bindEvent(ps, 2, row);
                if (rows.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
                stored.add(new StoredEvent(position, row.event()));
            }
            if (rows.size() > 1) {
                ps.executeBatch();
            }
        }
        return stored;
    }

    /**
     * Binds a row's tenant, job, version, event id, event type and JSON payload from parameter {@code i} on
     * (the column order of both inserts); returns the next parameter index.
     */
    private static int bindEvent(PreparedStatement ps, int i, Row row) throws SQLException {
        JobEvent event = row.event();
        ps.setString(i, event.header().tenant().value());
        ps.setString(i + 1, event.header().job().value());
        ps.setLong(i + 2, event.header().version());
        ps.setObject(i + 3, event.header().eventId());
        ps.setString(i + 4, event.getClass().getSimpleName());
        ps.setString(i + 5, row.json());
        return i + 6;
    }

    /**
     * PostgreSQL: allocates the positions and inserts the rows in one auto-committed statement (a
     * data-modifying CTE), row {@code i} of {@code n} getting position {@code last - n + i}.
     */
    private static List<StoredEvent> insertInOneStatement(Connection connection, List<Row> rows) throws SQLException {
        String sql = "WITH p AS (UPDATE event_position SET last_position = last_position + ? WHERE id = 1"
                + " RETURNING last_position)"
                + " INSERT INTO job_event (position, tenant_id, job_id, version, event_id, event_type, payload)"
                + " SELECT p.last_position - ? + v.ord, v.tenant_id, v.job_id, v.version, v.event_id, v.event_type,"
                + " v.payload FROM p, (VALUES "
                + String.join(", ", Collections.nCopies(rows.size(),
                "(CAST(? AS INT), ?, ?, CAST(? AS BIGINT), CAST(? AS UUID), ?, CAST(? AS JSONB))"))
                + ") AS v(ord, tenant_id, job_id, version, event_id, event_type, payload)"
                + " RETURNING position, event_id";
        Map<UUID, Long> positions = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, rows.size());
            ps.setLong(2, rows.size());
            int i = 3;
            int ord = 0;
            for (Row row : rows) {
                ps.setInt(i++, ++ord);
                i = bindEvent(ps, i, row);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.put(rs.getObject(2, UUID.class), rs.getLong(1));
                }
            }
        }
        if (positions.size() != rows.size()) {
            throw new IllegalStateException("the event_position row is missing: was the schema migrated?");
        }
        List<StoredEvent> stored = new ArrayList<>(rows.size());
        for (Row row : rows) {
            stored.add(new StoredEvent(positions.get(row.event().header().eventId()), row.event()));
        }
        return stored;
    }

    /**
     * The batch was not stored because a stream was ahead of its expected version or a key already
     * existed: it is either an idempotent repeat (return what is stored), a reused event id (reject), or a
     * concurrency conflict (report the first stream that moved on).
     */
    private List<StoredEvent> resolveRejected(List<Append> appends, List<Row> rows) {
        try {
            Map<UUID, StoredEvent> existing = storedById(rows);
            List<StoredEvent> copies = new ArrayList<>(rows.size());
            for (Row row : rows) {
                JobEvent event = row.event();
                StoredEvent stored = existing.get(event.header().eventId());
                if (stored == null) {
                    continue;
                }
                JobEvent found = stored.event();
                if (!found.header().stream().equals(event.header().stream())
                        || found.header().version() != event.header().version()) {
                    throw new IllegalArgumentException("event id " + event.header().eventId() + " is already stored at "
                            + found.header().stream() + " version " + found.header().version()
                            + ", not at " + event.header().stream() + " version " + event.header().version());
                }
                if (!found.equals(event)) {
                    throw new IllegalArgumentException("event id " + event.header().eventId() + " is already stored at "
                            + found.header().stream() + " version " + found.header().version() + " with other content");
                }
                copies.add(stored);
            }
            if (copies.size() == rows.size()) {
                return copies;
            }
            Map<StreamId, Long> current;
            try (Connection connection = dataSource.getConnection()) {
                current = currentVersions(connection, appends);
            }
            for (Append append : appends) {
                long actual = current.getOrDefault(append.stream(), 0L);
                if (actual != append.expectedVersion()) {
                    throw new ConcurrencyConflictException(append.stream(), append.expectedVersion(), actual);
                }
            }
            // stored versions and event ids never go away, so a rejected batch always has a cause above
            throw new IllegalStateException("the database rejected an append to " + appends.get(0).stream()
                    + " but no stored event conflicts with it: were events deleted?");
        } catch (SQLException e) {
            throw new JdbcStoreException("checking a rejected append", e);
        }
    }

    private Map<UUID, StoredEvent> storedById(List<Row> rows) throws SQLException {
        Map<UUID, StoredEvent> found = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                String sql = "SELECT position, payload FROM job_event WHERE event_id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (Row row : chunk) {
                        ps.setObject(i++, row.event().header().eventId());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            StoredEvent stored = new StoredEvent(rs.getLong(1), EventJson.read(rs.getString(2)));
                            found.put(stored.event().header().eventId(), stored);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
