package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.InvoiceSequence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link InvoiceSequence} over the {@code invoice_series} table: one row per series holding the last
 * number handed out. {@link #next} increments that row in a transaction (the row lock orders concurrent
 * callers, across processes too) and returns the number only after the commit, so numbers run 1, 2, 3...
 * with no gap and no repeat, across restarts. The first number of a new series inserts the row; two
 * processes racing to start the same series meet the primary key, and the loser retries as an increment.
 *
 * <p>Thread-safe: every call borrows its own connection.
 */
final class JdbcInvoiceSequence implements InvoiceSequence {
    private static final int MAX_SERIES_LENGTH = 128;
    private static final int START_RACE_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final String incrementSql;
    private final String startSql;
    private final String currentSql;

    JdbcInvoiceSequence(DataSource dataSource, Tables tables) {
        this.dataSource = dataSource;
        this.incrementSql = "UPDATE " + tables.invoiceSeries + " SET last_number = last_number + 1 WHERE series = ?";
        this.startSql = "INSERT INTO " + tables.invoiceSeries + " (series, last_number) VALUES (?, 1)";
        this.currentSql = "SELECT last_number FROM " + tables.invoiceSeries + " WHERE series = ?";
    }

    @Override
    public long next(String series) {
        requireSeries(series);
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = Connections.switchAutoCommit(connection, false);
                try {
                    long number = increment(connection, series);
                    connection.commit();
                    return number;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    if (!(e instanceof SQLException sql && SqlErrors.isUniqueViolation(sql)) || attempt == START_RACE_ATTEMPTS) {
                        throw e;
                    }
                } finally {
                    Connections.restoreAutoCommit(connection, autoCommit);
                }
            } catch (SQLException e) {
                throw new JdbcStoreException("taking the next number of invoice series '" + series + "'", e);
            }
        }
    }

    @Override
    public long current(String series) {
        requireSeries(series);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(currentSql)) {
            ps.setString(1, series);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("reading invoice series '" + series + "'", e);
        }
    }

    private long increment(Connection connection, String series) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(incrementSql)) {
            update.setString(1, series);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(startSql)) {
                    insert.setString(1, series);
                    insert.executeUpdate();
                }
                return 1;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(currentSql)) {
            select.setString(1, series);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void requireSeries(String series) {
        if (series == null || series.isBlank()) {
            throw new IllegalArgumentException("invoice series must not be blank");
        }
        if (series.length() > MAX_SERIES_LENGTH) {
            throw new IllegalArgumentException("invoice series must be at most " + MAX_SERIES_LENGTH
                    + " characters, was " + series.length());
        }
    }
}
