package io.github.geodispatch.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Migration 3: events are stored as {@link EventBodyCodec} bodies in a {@code body} column instead of
 * JSON in {@code payload}. Existing rows are converted (read with {@link EventJson}, re-encoded, checked
 * to decode to the same event) page by page, inside the migration's transaction. Java, because SQL cannot
 * encode the bodies.
 */
final class BinaryEventBodies implements JavaMigration {
    private static final int PAGE = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "binary event bodies";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE job_event ADD COLUMN body BYTEA");
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position, payload FROM job_event WHERE position > ? ORDER BY position LIMIT " + PAGE);
             PreparedStatement update = connection.prepareStatement("UPDATE job_event SET body = ? WHERE position = ?")) {
            long after = 0;
            int converted;
            do {
                converted = 0;
                select.setLong(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        update.setBytes(1, convert(after, rs.getString(2)));
                        update.setLong(2, after);
                        update.addBatch();
                        converted++;
                    }
                }
                if (converted > 0) {
                    update.executeBatch();
                }
            } while (converted == PAGE);
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE job_event ALTER COLUMN body SET NOT NULL");
            ddl.execute("ALTER TABLE job_event DROP COLUMN payload");
        }
    }

    private static byte[] convert(long position, String json) {
        var event = EventJson.read(json);
        byte[] body = EventBodyCodec.encode(event);
        if (!EventBodyCodec.decode(body).equals(event)) {
            throw new IllegalStateException("the event at position " + position + " does not survive its conversion");
        }
        return body;
    }
}
