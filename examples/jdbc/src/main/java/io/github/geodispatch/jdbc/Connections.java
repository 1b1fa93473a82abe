package io.github.geodispatch.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Borrowed connections go back to the host's pool as the pool handed them out. */
final class Connections {
    private Connections() {}

    /**
     * Switches auto-commit to {@code autoCommit} and returns what it was, for {@link #restoreAutoCommit}
     * (a host's pool may hand out connections with either setting).
     */
    static boolean switchAutoCommit(Connection connection, boolean autoCommit) throws SQLException {
        boolean was = connection.getAutoCommit();
        if (was != autoCommit) {
            connection.setAutoCommit(autoCommit);
        }
        return was;
    }

    /** Puts auto-commit back; a failure here means the connection is lost, and the pool discards it. */
    static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            if (connection.getAutoCommit() != autoCommit) {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            // the operation's own outcome (or failure) is what the caller needs to see
        }
    }
}
