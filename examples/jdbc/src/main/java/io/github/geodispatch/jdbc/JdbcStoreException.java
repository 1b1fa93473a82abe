package io.github.geodispatch.jdbc;

import java.sql.SQLException;

/**
 * The database failed an operation of the JDBC adapter (connection lost, lock timeout, disk full...).
 * Nothing of the failed operation was committed. The cause is the driver's {@link SQLException}; the message
 * names the operation and the SQLState.
 */
public final class JdbcStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JdbcStoreException(String operation, SQLException cause) {
        super(operation + " failed: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
    }
}
