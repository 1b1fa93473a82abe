package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.StoredEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Delivers the event table, in position order, to one named consumer (a Kafka producer, the accounts
 * feed, a projection), remembering in {@code outbox_checkpoint} the position of the last event it
 * handled.
 *
 * <p>Guarantees: every event is delivered at least once; in global position order, hence in version
 * order per stream; after a crash or a failing handler, delivery resumes after the last checkpoint, so
 * the events since then are delivered again (make the handler idempotent, e.g. on the event id). Because
 * {@link JdbcJobEventStore} commits positions in order without gaps, reading "after the checkpoint" never
 * skips an event that committed late.
 *
 * <p>A poll runs in one transaction that locks the consumer's checkpoint row, so instances of the same
 * consumer in several processes take turns instead of delivering the same batch twice; keep the handler
 * short (it runs inside that transaction) or lower the batch size.
 *
 * <p>Thread-safe; polls of one reader from several threads take turns on the checkpoint row.
 */
public final class OutboxReader {

    /** Receives one event; throwing stops the poll, and the event is delivered again by the next poll. */
    @FunctionalInterface
    public interface Handler {
        void handle(StoredEvent event) throws Exception;
    }

    /** The handler failed on the event at {@link #position()}; the checkpoint is just before it. */
    public static final class DeliveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long position;

        DeliveryException(String consumer, long position, Exception cause) {
            super("outbox consumer '" + consumer + "' failed on the event at position " + position + ": "
                    + cause.getMessage(), cause);
            this.position = position;
        }

        public long position() {
            return position;
        }
    }

    private static final int MAX_CONSUMER_LENGTH = 128;

    private final DataSource dataSource;
    private final String consumer;
    private final int batchSize;

    private OutboxReader(DataSource dataSource, String consumer, int batchSize) {
        this.dataSource = dataSource;
        this.consumer = consumer;
        this.batchSize = batchSize;
    }

    /**
     * A reader for {@code consumer} over a migrated schema ({@link JdbcDatabase#migrate}), delivering at
     * most {@code batchSize} events per poll.
     */
    public static OutboxReader over(DataSource dataSource, String consumer, int batchSize) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (consumer == null || consumer.isBlank() || consumer.length() > MAX_CONSUMER_LENGTH) {
            throw new IllegalArgumentException("outbox consumer name must be 1-" + MAX_CONSUMER_LENGTH
                    + " characters, was '" + consumer + "'");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("outbox batch size must be 1-100000, was " + batchSize);
        }
        return new OutboxReader(dataSource, consumer, batchSize);
    }

    public String consumer() {
        return consumer;
    }

    /** The position of the last event this consumer handled, 0 before the first. */
    public long checkpoint() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT position FROM outbox_checkpoint WHERE consumer = ?")) {
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("reading the checkpoint of outbox consumer '" + consumer + "'", e);
        }
    }

    /**
     * Delivers the next batch after the checkpoint and moves the checkpoint past it; returns how many
     * events were handled (0 when caught up). If the handler throws, the events before the failing one
     * stay checkpointed and a {@link DeliveryException} is thrown.
     */
    public int pollOnce(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long checkpoint = lockCheckpoint(connection);
                List<StoredEvent> batch = JdbcJobEventStore.readAll(connection, checkpoint, batchSize);
                int handled = 0;
                for (StoredEvent event : batch) {
                    try {
                        handler.handle(event);
                    } catch (Exception e) {
                        saveCheckpoint(connection, checkpoint);
                        connection.commit();
                        throw new DeliveryException(consumer, event.position(), e);
                    }
                    checkpoint = event.position();
                    handled++;
                }
                saveCheckpoint(connection, checkpoint);
                connection.commit();
                return handled;
            } catch (SQLException | RuntimeException e) {
                if (!(e instanceof DeliveryException)) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("polling the outbox for consumer '" + consumer + "'", e);
        }
    }

    /** Polls until caught up with the store as it is now; returns how many events were handled. */
    public long drain(Handler handler) {
        long total = 0;
        int handled;
        do {
            handled = pollOnce(handler);
            total += handled;
        } while (handled == batchSize);
        return total;
    }

    private long lockCheckpoint(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_checkpoint (consumer, position) VALUES (?, 0) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position FROM outbox_checkpoint WHERE consumer = ? FOR UPDATE")) {
            select.setString(1, consumer);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void saveCheckpoint(Connection connection, long position) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox_checkpoint SET position = ? WHERE consumer = ?")) {
            ps.setLong(1, position);
            ps.setString(2, consumer);
            ps.executeUpdate();
        }
    }
}
