package io.github.geodispatch.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The few SQL differences between the two supported databases. */
enum Dialect {
    POSTGRESQL("JSONB", "?::jsonb",
            "UPDATE event_position SET last_position = last_position + ? WHERE id = 1 RETURNING last_position"),
    H2("JSON", "? FORMAT JSON",
            "SELECT last_position FROM FINAL TABLE (UPDATE event_position SET last_position = last_position + ? WHERE id = 1)");

    /** The column type of the event payload (the Flyway placeholder {@code json_type}). */
    final String jsonType;
    /** The bind expression that turns a JSON text parameter into a JSON value. */
    final String jsonParameter;
    /** Adds the bound count to the position counter, locking its row, and returns the new last position. */
    final String allocatePositions;

    Dialect(String jsonType, String jsonParameter, String allocatePositions) {
        this.jsonType = jsonType;
        this.jsonParameter = jsonParameter;
        this.allocatePositions = allocatePositions;
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database '" + product + "': use PostgreSQL or H2");
    }
}
