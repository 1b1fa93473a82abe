package io.github.geodispatch.jdbc;

import java.sql.SQLException;

/** Classifies driver errors by SQLState; PostgreSQL and H2 agree on the codes used here. */
final class SqlErrors {
    /** unique_violation (SQL standard class 23, code 505). */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    /** True when the error, or any error chained to it (batch updates chain theirs), is a unique violation. */
    static boolean isUniqueViolation(SQLException e) {
        return hasState(e, UNIQUE_VIOLATION);
    }

    private static boolean hasState(SQLException e, String state) {
        int guard = 0;
        for (Throwable t = e; t != null && guard < 32; guard++) {
            if (t instanceof SQLException sql) {
                if (state.equals(sql.getSQLState())) {
                    return true;
                }
                t = sql.getNextException() != null ? sql.getNextException() : sql.getCause();
            } else {
                t = t.getCause();
            }
        }
        return false;
    }
}
