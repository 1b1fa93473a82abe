package io.github.geodispatch.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The few SQL differences between the two supported databases, detected from a connection's metadata. */
enum Dialect {
    POSTGRESQL("JSONB", " COLLATE \"C\"") {
        @Override
        String allocatePositions(Tables tables) {
            return "UPDATE " + tables.eventPosition + " SET last_position = last_position + ? WHERE id = 1 RETURNING last_position";
        }

        @Override
        String insertCheckpointIfAbsent(Tables tables) {
            return "INSERT INTO " + tables.outboxCheckpoint + " (consumer, position) VALUES (?, 0) ON CONFLICT DO NOTHING";
        }
    },
    H2("JSON", "") {
        @Override
        String allocatePositions(Tables tables) {
            return "SELECT last_position FROM FINAL TABLE (UPDATE " + tables.eventPosition
                    + " SET last_position = last_position + ? WHERE id = 1)";
        }

        @Override
        String insertCheckpointIfAbsent(Tables tables) {
            return "MERGE INTO " + tables.outboxCheckpoint + " t USING (VALUES (CAST(? AS VARCHAR(128)))) AS s(consumer)"
                    + " ON t.consumer = s.consumer WHEN NOT MATCHED THEN INSERT (consumer, position) VALUES (s.consumer, 0)";
        }
    };

    /** The payload column type of the first migration (the Flyway placeholder {@code json_type}). */
    final String jsonType;
    /** What makes a text column order by code point, as Java's {@code String.compareTo} does on ASCII. */
    final String binaryCollation;

    Dialect(String jsonType, String binaryCollation) {
        this.jsonType = jsonType;
        this.binaryCollation = binaryCollation;
    }

    /** Adds the bound count to the position counter, locking its row, and returns the new last position. */
    abstract String allocatePositions(Tables tables);

    /** Creates the checkpoint row of the bound consumer at position 0 unless it exists; never fails on a race. */
    abstract String insertCheckpointIfAbsent(Tables tables);

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database '" + product + "': the JDBC adapter runs on PostgreSQL or H2");
    }
}
