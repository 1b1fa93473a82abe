package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StoredEvent;
import io.github.geodispatch.spi.StreamId;
import io.github.geodispatch.spi.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers the event table, in position order, to one named consumer (a Kafka producer, the accounts
 * feed, a projection), remembering in {@code outbox_checkpoint} the position of the last event it
 * handled. Obtain one from {@link JdbcDatabase#outboxReader}.
 *
 * <p>Guarantees: every event is delivered at least once, or parked (below); in global position order,
 * hence in version order per stream; after a crash or a failing handler, delivery resumes after the last
 * checkpoint, so the events since then are delivered again (make the handler idempotent, e.g. on the event
 * id). Because {@link JdbcJobEventStore} commits positions in order without gaps, reading "after the
 * checkpoint" never skips an event that committed late.
 *
 * <h2>Failures and poison events</h2>
 * When the handler throws, the checkpoint stays just before the event, the failed attempt is counted in
 * the database and {@link DeliveryException} reports it; polls before the back-off has passed deliver
 * nothing, and the next poll after it delivers the event again. The back-off doubles from the first delay
 * up to the longest. When attempt {@code maxAttempts} fails too, the event is parked: recorded in
 * {@code outbox_parked} with its last error, the checkpoint moves past it, a warning is logged and delivery
 * goes on with the next event. Parked events stay parked across restarts; the host lists them with
 * {@link #parked()}, then re-delivers ({@link #redeliverParked}) or acknowledges ({@link #acknowledgeParked})
 * each one. Time comes from the builder's {@link Clock}, so tests control it. A failure that kills the
 * process instead of throwing is not counted.
 *
 * <p>A poll runs in one transaction that locks the consumer's checkpoint row, so instances of the same
 * consumer in several processes take turns instead of delivering the same batch twice; keep the handler
 * short (it runs inside that transaction) or lower the batch size.
 *
 * <p>Thread-safe; polls of one consumer from several threads or processes take turns on its checkpoint row.
 */
public final class OutboxReader {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxReader.class);
    private static final int MAX_CONSUMER_LENGTH = 128;
    private static final int MAX_ERROR_LENGTH = 2000;

    /** Receives one event; throwing counts a failed attempt (see the class comment). */
    @FunctionalInterface
    public interface Handler {
        void handle(StoredEvent event) throws Exception;
    }

    /**
     * The handler failed on the event at {@link #position()}. For a poll, the checkpoint is just before it
     * and the event is delivered again from {@link #retryAt()}; for a re-delivery of a parked event, it
     * stays parked and {@link #retryAt()} is empty.
     */
    public static final class DeliveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long position;
        private final int attempt;
        private final transient Instant retryAt;

        DeliveryException(String consumer, long position, int attempt, Instant retryAt, Exception cause) {
            super("outbox consumer '" + consumer + "' failed on the event at position " + position + " (attempt "
                    + attempt + (retryAt == null ? "" : ", next not before " + retryAt) + "): " + cause.getMessage(), cause);
            this.position = position;
            this.attempt = attempt;
            this.retryAt = retryAt;
        }

        public long position() {
            return position;
        }

        /** How many attempts to deliver the event have failed, this one included. */
        public int attempt() {
            return attempt;
        }

        /** When a poll will deliver the event again; empty for a parked event's re-delivery. */
        public Optional<Instant> retryAt() {
            return Optional.ofNullable(retryAt);
        }
    }

    /** An event the consumer gave up on: where it is, what it is, how often and why it failed, and when. */
    public record ParkedEvent(long position, UUID eventId, StreamId stream, long version, String eventType,
                              int attempts, String lastError, Instant parkedAt) {
    }

    private final DataSource dataSource;
    private final JdbcJobEventStore store;
    private final String consumer;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final String insertCheckpointSql;
    private final String lockCheckpointSql;
    private final String saveCheckpointSql;
    private final String readCheckpointSql;
    private final String parkSql;
    private final String listParkedSql;
    private final String lockParkedSql;
    private final String failParkedSql;
    private final String removeParkedSql;

    private OutboxReader(Builder builder) {
        this.dataSource = builder.dataSource;
        this.store = builder.store;
        this.consumer = builder.consumer;
        this.batchSize = builder.batchSize == null ? 500 : builder.batchSize;
        this.maxAttempts = builder.maxAttempts == null ? 5 : builder.maxAttempts;
        this.firstBackoff = builder.firstBackoff == null ? Duration.ofSeconds(1) : builder.firstBackoff;
        this.maxBackoff = builder.maxBackoff == null ? Duration.ofMinutes(5) : builder.maxBackoff;
        this.clock = builder.clock == null ? Clock.systemUTC() : builder.clock;
        Tables tables = builder.tables;
        this.insertCheckpointSql = builder.dialect.insertCheckpointIfAbsent(tables);
        this.lockCheckpointSql = "SELECT position, failed_attempts, retry_at FROM " + tables.outboxCheckpoint
                + " WHERE consumer = ? FOR UPDATE";
        this.saveCheckpointSql = "UPDATE " + tables.outboxCheckpoint
                + " SET position = ?, failed_attempts = ?, retry_at = ? WHERE consumer = ?";
        this.readCheckpointSql = "SELECT position FROM " + tables.outboxCheckpoint + " WHERE consumer = ?";
        this.parkSql = "INSERT INTO " + tables.outboxParked
                + " (consumer, position, attempts, last_error, parked_at) VALUES (?, ?, ?, ?, ?)";
        this.listParkedSql = "SELECT p.position, e.event_id, e.tenant_id, e.job_id, e.version, e.event_type,"
                + " p.attempts, p.last_error, p.parked_at FROM " + tables.outboxParked + " p JOIN " + tables.jobEvent
                + " e ON e.position = p.position WHERE p.consumer = ? ORDER BY p.position";
        this.lockParkedSql = "SELECT attempts FROM " + tables.outboxParked + " WHERE consumer = ? AND position = ? FOR UPDATE";
        this.failParkedSql = "UPDATE " + tables.outboxParked
                + " SET attempts = attempts + 1, last_error = ? WHERE consumer = ? AND position = ?";
        this.removeParkedSql = "DELETE FROM " + tables.outboxParked + " WHERE consumer = ? AND position = ?";
    }

    public String consumer() {
        return consumer;
    }

    /** The position of the last event this consumer handled or parked, 0 before the first. */
    public long checkpoint() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(readCheckpointSql)) {
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the checkpoint of outbox consumer '" + consumer + "'", e);
        }
    }

    /**
     * Delivers the next batch after the checkpoint and moves the checkpoint past it; returns how many events
     * the checkpoint moved past (delivered, or parked after their last attempt): 0 when caught up or while
     * a failed event waits for its back-off. When the handler fails on an event before its last attempt,
     * the events before it stay checkpointed and a {@link DeliveryException} is thrown.
     */
    public int pollOnce(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        return inTransaction("polling the outbox", connection -> {
            Checkpoint checkpoint = lockCheckpoint(connection);
            Instant now = clock.instant();
            if (checkpoint.retryAt != null && now.isBefore(checkpoint.retryAt)) {
                return 0;
            }
            long position = checkpoint.position;
            int failedAttempts = checkpoint.failedAttempts;
            int moved = 0;
            for (StoredEvent event : store.readAll(connection, position, batchSize)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    int attempt = failedAttempts + 1;
                    if (attempt < maxAttempts) {
                        Instant retryAt = now.plus(backoffAfter(attempt));
                        saveCheckpoint(connection, position, attempt, retryAt);
                        connection.commit();
                        throw new DeliveryException(consumer, event.position(), attempt, retryAt, e);
                    }
                    park(connection, event, attempt, e, now);
                }
                position = event.position();
                failedAttempts = 0;
                moved++;
            }
            saveCheckpoint(connection, position, 0, null);
            return moved;
        });
    }

    /**
     * Polls until caught up with the store as it is now (or until a failed event waits for its back-off);
     * returns how many events the checkpoint moved past.
     */
    public long drain(Handler handler) {
        long total = 0;
        int moved;
        do {
            moved = pollOnce(handler);
            total += moved;
        } while (moved == batchSize);
        return total;
    }

    /** This consumer's parked events, in position order. */
    public List<ParkedEvent> parked() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(listParkedSql)) {
            ps.setString(1, consumer);
            List<ParkedEvent> parked = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parked.add(new ParkedEvent(rs.getLong(1), rs.getObject(2, UUID.class),
                            StreamId.of(TenantId.of(rs.getString(3)), JobId.of(rs.getString(4))), rs.getLong(5),
                            rs.getString(6), rs.getInt(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
            return parked;
        } catch (SQLException e) {
            throw new JdbcStoreException("listing the parked events of outbox consumer '" + consumer + "'", e);
        }
    }

    /**
     * Delivers the parked event at {@code position} to {@code handler} once, now; when it succeeds the event
     * is no longer parked. When it fails the event stays parked with the attempt counted and a
     * {@link DeliveryException} is thrown. The event comes out of order, after the events that followed it.
     *
     * @throws IllegalArgumentException when this consumer has no parked event at {@code position}
     */
    public void redeliverParked(long position, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        inTransaction("re-delivering a parked event", connection -> {
            int attempts;
            try (PreparedStatement ps = connection.prepareStatement(lockParkedSql)) {
                ps.setString(1, consumer);
                ps.setLong(2, position);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw noParkedEvent(position);
                    }
                    attempts = rs.getInt(1);
                }
            }
            StoredEvent event = store.readAll(connection, position - 1, 1).get(0);
            try {
                handler.handle(event);
            } catch (Exception e) {
                try (PreparedStatement ps = connection.prepareStatement(failParkedSql)) {
                    ps.setString(1, describe(e));
                    ps.setString(2, consumer);
                    ps.setLong(3, position);
                    ps.executeUpdate();
                }
                connection.commit();
                throw new DeliveryException(consumer, position, attempts + 1, null, e);
            }
            removeParked(connection, position);
            return 0;
        });
    }

    /**
     * Removes the parked event at {@code position} without delivering it: the host has dealt with it.
     *
     * @throws IllegalArgumentException when this consumer has no parked event at {@code position}
     */
    public void acknowledgeParked(long position) {
        inTransaction("acknowledging a parked event", connection -> {
            removeParked(connection, position);
            return 0;
        });
    }

    /** The wait after failed attempt {@code attempt} (1-based): the first back-off, doubled per attempt, capped. */
    Duration backoffAfter(int attempt) {
        Duration delay = firstBackoff;
        for (int i = 1; i < attempt && !delay.isZero(); i++) {
            if (delay.compareTo(maxBackoff.dividedBy(2)) > 0) {
                return maxBackoff;
            }
            delay = delay.multipliedBy(2);
        }
        return delay;
    }

    // ---------------------------------------------------------------------------------------------

    private record Checkpoint(long position, int failedAttempts, Instant retryAt) {
    }

    /** Work done in one transaction; a commit inside it is allowed (the outcome is then kept). */
    @FunctionalInterface
    private interface TransactionWork {
        int run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction, commits it, and rolls back whatever is uncommitted when it throws. */
    private int inTransaction(String operation, TransactionWork work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = Connections.switchAutoCommit(connection, false);
            boolean done = false;
            try {
                int result = work.run(connection);
                connection.commit();
                done = true;
                return result;
            } finally {
                if (!done) {
                    try {
                        connection.rollback();
                    } catch (SQLException e) {
                        // the connection is lost; the pool discards it and the operation's failure propagates
                    }
                }
                Connections.restoreAutoCommit(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException(operation + " for outbox consumer '" + consumer + "'", e);
        }
    }

    private Checkpoint lockCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertCheckpointSql)) {
            insert.setString(1, consumer);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(lockCheckpointSql)) {
            select.setString(1, consumer);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                OffsetDateTime retryAt = rs.getObject(3, OffsetDateTime.class);
                return new Checkpoint(rs.getLong(1), rs.getInt(2), retryAt == null ? null : retryAt.toInstant());
            }
        }
    }

    private void saveCheckpoint(Connection connection, long position, int failedAttempts, Instant retryAt)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(saveCheckpointSql)) {
            ps.setLong(1, position);
            ps.setInt(2, failedAttempts);
            ps.setObject(3, retryAt == null ? null : OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC));
            ps.setString(4, consumer);
            ps.executeUpdate();
        }
    }

    private void park(Connection connection, StoredEvent event, int attempts, Exception error, Instant now)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(parkSql)) {
            ps.setString(1, consumer);
            ps.setLong(2, event.position());
            ps.setInt(3, attempts);
            ps.setString(4, describe(error));
            ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
        LOG.warn("outbox consumer '{}' parked the event at position {} ({} version {}) after {} failed attempts: {}",
                consumer, event.position(), event.event().header().stream(), event.event().header().version(),
                attempts, describe(error));
    }

    private void removeParked(Connection connection, long position) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(removeParkedSql)) {
            ps.setString(1, consumer);
            ps.setLong(2, position);
            if (ps.executeUpdate() == 0) {
                throw noParkedEvent(position);
            }
        }
    }

    private IllegalArgumentException noParkedEvent(long position) {
        return new IllegalArgumentException("outbox consumer '" + consumer + "' has no parked event at position " + position);
    }

    /** The error as kept in {@code last_error}: its class and message, without NUL (PostgreSQL text has none), cut to fit. */
    private static String describe(Exception error) {
        String text = (error.getClass().getName() + ": " + error.getMessage()).replace('\u0000', '\uFFFD');
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    /**
     * Configures a reader; setters fail at once on a bad or repeated value. Not thread-safe; each
     * {@link #build()} returns a new reader of the same consumer.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final Dialect dialect;
        private final Tables tables;
        private final JdbcJobEventStore store;
        private final String consumer;
        private Integer batchSize;
        private Integer maxAttempts;
        private Duration firstBackoff;
        private Duration maxBackoff;
        private Clock clock;

        Builder(DataSource dataSource, Dialect dialect, Tables tables, JdbcJobEventStore store, String consumer) {
            if (consumer == null || consumer.isBlank() || consumer.length() > MAX_CONSUMER_LENGTH) {
                throw new IllegalArgumentException("outbox consumer name must be 1-" + MAX_CONSUMER_LENGTH
                        + " characters, not blank, was '" + consumer + "'");
            }
            this.dataSource = dataSource;
            this.dialect = dialect;
            this.tables = tables;
            this.store = store;
            this.consumer = consumer;
        }

        /** The most events one poll delivers (default 500). */
        public Builder batchSize(int batchSize) {
            requireUnset(this.batchSize, "batchSize");
            if (batchSize < 1 || batchSize > 100_000) {
                throw new IllegalArgumentException("outbox batch size must be 1-100000, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** How many failed attempts park an event (default 5; 1 parks it at its first failure). */
        public Builder maxAttempts(int maxAttempts) {
            requireUnset(this.maxAttempts, "maxAttempts");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The wait after a failed attempt: {@code first} after the first, doubling after each further one,
         * never more than {@code max} (default 1 s and 5 min). Zero retries at the next poll.
         */
        public Builder backoff(Duration first, Duration max) {
            requireUnset(this.firstBackoff, "backoff");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(max, "max");
            if (first.isNegative() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("backoff must satisfy 0 <= first <= max, was " + first + " and " + max);
            }
            this.firstBackoff = first;
            this.maxBackoff = max;
            return this;
        }

        /** Where the reader takes the time of failures and back-offs (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            requireUnset(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OutboxReader build() {
            return new OutboxReader(this);
        }

        private static void requireUnset(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
        }
    }
}
