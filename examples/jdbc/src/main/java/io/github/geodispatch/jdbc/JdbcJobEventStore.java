package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.ConcurrencyConflictException;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobEventStore;
import io.github.geodispatch.spi.JobId;
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
import java.util.function.Consumer;

/**
 * {@link JobEventStore} over JDBC, on PostgreSQL or H2. Each event is one row of {@code job_event}: its
 * global position, stream key, version, event id and variant name as columns, and the whole event as a
 * compact binary {@code body} (its layout is in docs/jdbc.md). Obtain it from {@link JdbcDatabase#events()}.
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
 * reader has seen is already visible: {@link #readAll} and {@link #replay} never skip a late commit. The
 * price is that appends are serialised for the span of "insert + commit" (encoding, the version check and
 * the idempotency checks happen before the lock).
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

    /**
     * Rows per read of {@link #replay} and {@link #readAll}: large enough that a round trip is rare, small
     * enough that a page (about 2 MB) is no burden.
     */
    static final int PAGE = 10_000;
    /** Bind parameters per IN-list chunk: far below every driver's limit. */
    private static final int CHUNK = 500;
    /** The largest append PostgreSQL stores in one auto-committed statement (7 parameters a row). */
    private static final int ONE_STATEMENT_MAX_ROWS = 64;
    /** Rows per multi-row INSERT of a bulk append (7 parameters a row). */
    private static final int ROWS_PER_INSERT = 100;
    private static final String COLUMNS = "(position, tenant_id, job_id, version, event_id, event_type, body)";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;
    private final String streamVersionSql;
    private final String pageSql;
    private final String fullInsertSql;

    JdbcJobEventStore(DataSource dataSource, Dialect dialect, Tables tables) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.streamVersionSql = "SELECT COALESCE(MAX(version), 0) FROM " + tables.jobEvent + " WHERE tenant_id = ? AND job_id = ?";
        this.pageSql = "SELECT position, body FROM " + tables.jobEvent + " WHERE position > ? ORDER BY position LIMIT ?";
        this.fullInsertSql = insertSql(ROWS_PER_INSERT);
    }

    @Override
    public List<StoredEvent> append(StreamId stream, long expectedVersion, List<? extends JobEvent> events) {
        return appendAll(List.of(new Append(stream, expectedVersion, events)));
    }

    /**
     * Appends to several streams in one transaction: all of it is stored, or none. Each stream may appear
     * once with at least one event, and each part follows the rules of {@link #append}; the first stream
     * found in conflict is reported. This is the bulk path for imports and loads: one commit and one hold
     * of the position lock for many events, inserted a hundred rows a statement.
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
            throw new JdbcStoreException("appending " + rows.size() + " events", e);
        }
    }

    @Override
    public List<JobEvent> readStream(StreamId stream) {
        Objects.requireNonNull(stream, "stream");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT position, body FROM " + tables.jobEvent + " WHERE tenant_id = ? AND job_id = ? ORDER BY version")) {
            ps.setString(1, stream.tenant().value());
            ps.setString(2, stream.job().value());
            List<JobEvent> events = new ArrayList<>();
            EventBodyCodec.Decoder decoder = new EventBodyCodec.Decoder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(decode(decoder, rs.getLong(1), rs.getBytes(2)));
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
             PreparedStatement ps = connection.prepareStatement(streamVersionSql)) {
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
        requireValidPosition(afterPosition);
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

    /**
     * Hands every event after {@code afterPosition} to {@code consumer}, in position order, until a query
     * for more finds nothing: the way to rebuild a projection or catch a new consumer up. Events committed
     * while it runs are handed over too, up to that last query. Returns the position of the last event
     * handed over ({@code afterPosition} when there was none), where a later call resumes. An exception
     * thrown by the consumer ends the replay and propagates; a stored body that cannot be decoded ends it
     * with an {@link IllegalStateException} naming its position, after every event before it was handed
     * over.
     *
     * <p>The rows are read in pages of {@value #PAGE} over one connection and one statement (positions are
     * committed in order, so paging never skips one) and decoded into events on a second thread (a daemon
     * named {@code geodispatch-replay-decoder-}<i>n</i>, ended with the replay) while the next page is
     * fetched; the consumer runs on the calling thread. A replay holds at most four pages in memory, never
     * the store.
     */
    public long replay(long afterPosition, Consumer<? super StoredEvent> consumer) {
        requireValidPosition(afterPosition);
        Objects.requireNonNull(consumer, "consumer");
        long fetched = afterPosition;
        long handedOver = afterPosition;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement page = connection.prepareStatement(pageSql);
             ReplayDecoder decoder = new ReplayDecoder()) {
            // one statement for every page: PostgreSQL's driver then prepares it on the server and
            // switches to binary transfer, which halves the bytes of the bodies on the wire
            page.setInt(2, PAGE);
            int read;
            do {
                page.setLong(1, fetched);
                ReplayDecoder.RawPage rows = new ReplayDecoder.RawPage(PAGE);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        fetched = rs.getLong(1);
                        rows.add(fetched, rs.getBytes(2));
                    }
                }
                read = rows.size();
                if (read > 0) {
                    handedOver = Math.max(handedOver, decoder.submit(rows, consumer));
                }
            } while (read > 0);   // until a query finds nothing: events committed meanwhile are handed over
            return Math.max(handedOver, decoder.drain(consumer));
        } catch (SQLException e) {
            throw new JdbcStoreException("replaying events after position " + handedOver, e);
        }
    }

    /** {@link #readAll} on a connection the caller holds (the outbox reads under its checkpoint lock). */
    List<StoredEvent> readAll(Connection connection, long afterPosition, int maxCount) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(Math.min(maxCount, PAGE));
        EventBodyCodec.Decoder decoder = new EventBodyCodec.Decoder();
        try (PreparedStatement page = connection.prepareStatement(pageSql)) {
            long last = afterPosition;
            while (events.size() < maxCount) {
                int limit = Math.min(PAGE, maxCount - events.size());
                page.setLong(1, last);
                page.setInt(2, limit);
                int read = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        events.add(new StoredEvent(last, decode(decoder, last, rs.getBytes(2))));
                        read++;
                    }
                }
                if (read < limit) {
                    break;
                }
            }
        }
        return events;
    }

    @Override
    public long lastPosition() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM " + tables.jobEvent);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the last position", e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** One event ready to insert: the event and its encoded body. */
    private record Row(JobEvent event, byte[] body) {
    }

    /** Thrown inside {@link #insert} when the database reports a unique violation (rolled back). */
    private static final class UniqueViolation extends Exception {
        private static final long serialVersionUID = 1L;

        UniqueViolation(SQLException cause) {
            super(cause);
        }
    }

    private static void requireValidPosition(long afterPosition) {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("afterPosition must be >= 0, was " + afterPosition);
        }
    }

    private static JobEvent decode(EventBodyCodec.Decoder decoder, long position, byte[] body) {
        try {
            return decoder.decode(body);
        } catch (IllegalArgumentException e) {
            throw unreadable(position, e);
        }
    }

    /** How a body that does not decode is reported, by every read of the store. */
    static IllegalStateException unreadable(long position, IllegalArgumentException cause) {
        return new IllegalStateException("the event stored at position " + position + " cannot be read: "
                + cause.getMessage(), cause);
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
                rows.add(new Row(event, encode(event)));
            }
        }
        return rows;
    }

    private static byte[] encode(JobEvent event) {
        try {
            return EventBodyCodec.encode(event);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("event " + event.header().eventId() + " cannot be stored: " + e.getMessage(), e);
        }
    }

    /** The current version of every stream of the batch that has events (absent = 0). */
    private Map<StreamId, Long> currentVersions(Connection connection, List<Append> appends) throws SQLException {
        Map<StreamId, Long> versions = new HashMap<>();
        if (appends.size() == 1) {
            StreamId stream = appends.get(0).stream();
            try (PreparedStatement ps = connection.prepareStatement(streamVersionSql)) {
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
                String sql = "SELECT v.job_id, (SELECT MAX(e.version) FROM " + tables.jobEvent + " e"
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
     * Checks the versions of the streams that continue (expected version above 0), then takes the position
     * lock, inserts every row and commits; returns null, having written nothing, when a stream is ahead of
     * its expected version. The lock is the counter row's: it is held from its UPDATE until the commit, so
     * no other append commits in between. The version check is a plain read before the lock: a rival that
     * commits after it is caught by the unique constraint, and a version once stored never goes away. New
     * streams need no check: the constraint alone catches a rival's version 1 (and a stream cannot be
     * behind 0), which spares bulk loads of new jobs a query per batch.
     *
     * <p>On PostgreSQL a small append (a command's events) runs as one auto-committed statement, so the
     * lock is held only inside the server, never across a round trip to this process; bulk appends lock,
     * insert and commit as three steps (one lock hold for many events).
     */
    private List<StoredEvent> insert(List<Append> appends, List<Row> rows) throws SQLException, UniqueViolation {
        boolean oneStatement = dialect == Dialect.POSTGRESQL && rows.size() <= ONE_STATEMENT_MAX_ROWS;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = Connections.switchAutoCommit(connection, oneStatement);
            try {
                List<Append> continued = appends.stream().filter(a -> a.expectedVersion() > 0).toList();
                Map<StreamId, Long> current = continued.isEmpty() ? Map.of() : currentVersions(connection, continued);
                for (Append append : continued) {
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
            } finally {
                Connections.restoreAutoCommit(connection, autoCommit);
            }
        }
    }

    /**
     * Allocates the positions (locking the counter row) and inserts the rows, {@value #ROWS_PER_INSERT}
     * a statement, the statements sent as one JDBC batch, in the caller's transaction.
     */
    private List<StoredEvent> insertUnderLock(Connection connection, List<Row> rows) throws SQLException {
        long last;
        try (PreparedStatement ps = connection.prepareStatement(dialect.allocatePositions(tables))) {
            ps.setLong(1, rows.size());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the event_position row is missing: was the schema migrated?");
                }
                last = rs.getLong(1);
            }
        }
        long first = last - rows.size() + 1;
        int full = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = connection.prepareStatement(fullInsertSql)) {
                for (int from = 0; from < full; from += ROWS_PER_INSERT) {
                    bindRows(ps, rows, from, from + ROWS_PER_INSERT, first);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement ps = connection.prepareStatement(insertSql(rows.size() - full))) {
                bindRows(ps, rows, full, rows.size(), first);
                ps.executeUpdate();
            }
        }
        List<StoredEvent> stored = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            stored.add(new StoredEvent(first + i, rows.get(i).event()));
        }
        return stored;
    }

    private String insertSql(int rowCount) {
        return "INSERT INTO " + tables.jobEvent + " " + COLUMNS + " VALUES "
                + String.join(", ", Collections.nCopies(rowCount, "(?, ?, ?, ?, ?, ?, ?)"));
    }

    /** Binds rows {@code from} (inclusive) to {@code to}, row {@code i} at position {@code first + i}. */
    private static void bindRows(PreparedStatement ps, List<Row> rows, int from, int to, long first) throws SQLException {
        int p = 1;
        for (int i = from; i < to; i++) {
            ps.setLong(p, first + i);
            p = bindEvent(ps, p + 1, rows.get(i));
        }
    }

    /**
     * Binds a row's tenant, job, version, event id, event type and body from parameter {@code i} on (the
     * column order of both inserts); returns the next parameter index.
     */
    private static int bindEvent(PreparedStatement ps, int i, Row row) throws SQLException {
        JobEvent event = row.event();
        ps.setString(i, event.header().tenant().value());
        ps.setString(i + 1, event.header().job().value());
        ps.setLong(i + 2, event.header().version());
        ps.setObject(i + 3, event.header().eventId());
        ps.setString(i + 4, EventBodyCodec.typeName(event));
        ps.setBytes(i + 5, row.body());
        return i + 6;
    }

    /**
     * PostgreSQL: allocates the positions and inserts the rows in one auto-committed statement (a
     * data-modifying CTE), row {@code i} of {@code n} getting position {@code last - n + i}.
     */
    private List<StoredEvent> insertInOneStatement(Connection connection, List<Row> rows) throws SQLException {
        String sql = "WITH p AS (UPDATE " + tables.eventPosition + " SET last_position = last_position + ? WHERE id = 1"
                + " RETURNING last_position)"
                + " INSERT INTO " + tables.jobEvent + " " + COLUMNS
                + " SELECT p.last_position - ? + v.ord, v.tenant_id, v.job_id, v.version, v.event_id, v.event_type,"
                + " v.body FROM p, (VALUES "
                + String.join(", ", Collections.nCopies(rows.size(),
                "(CAST(? AS INT), ?, ?, CAST(? AS BIGINT), CAST(? AS UUID), ?, CAST(? AS BYTEA))"))
                + ") AS v(ord, tenant_id, job_id, version, event_id, event_type, body)"
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
        EventBodyCodec.Decoder decoder = new EventBodyCodec.Decoder();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                String sql = "SELECT position, body FROM " + tables.jobEvent + " WHERE event_id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    int i = 1;
                    for (Row row : chunk) {
                        ps.setObject(i++, row.event().header().eventId());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long position = rs.getLong(1);
                            StoredEvent stored = new StoredEvent(position, decode(decoder, position, rs.getBytes(2)));
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
