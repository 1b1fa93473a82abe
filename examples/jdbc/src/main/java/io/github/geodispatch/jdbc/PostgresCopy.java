package io.github.geodispatch.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows sent with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT binary)} through the PostgreSQL JDBC driver's
 * {@code CopyManager}: the server parses no SQL and plans nothing per row, which makes bulk appends several times
 * cheaper for it than multi-row INSERTs. The driver is an optional dependency of this adapter: on a connection of
 * another driver (or with the driver absent), {@link #of} says so and the store inserts with plain JDBC. COPY
 * checks the table's constraints as INSERT does, and a violation surfaces as the same {@link SQLException}
 * (SQLState {@code 23505} for a unique key), in the caller's transaction.
 *
 * <p>One instance writes one COPY: not thread-safe.
 */
final class PostgresCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Bytes gathered before they are handed to the driver. */
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private byte[] buffer = new byte[FLUSH_AT + 1024];
    private int length;

    private PostgresCopy(CopyIn copy) {
        this.copy = copy;
        bytes(SIGNATURE);
        int32(0); // flags
        int32(0); // header extension length
    }

    /**
     * Starts {@code COPY table columns FROM STDIN (FORMAT binary)} on {@code connection} when it is (or wraps) a
     * connection of the PostgreSQL JDBC driver; null when it is not. Without that driver on the class path this
     * throws {@link NoClassDefFoundError}, which the caller takes as "not available".
     */
    static PostgresCopy of(Connection connection, String table, String columns) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return null;
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new PostgresCopy(pg.getCopyAPI().copyIn("COPY " + table + " " + columns + " FROM STDIN (FORMAT binary)"));
    }

    /** Starts a row of {@code fields} columns; then one value call per column, in the COPY's column order. */
    PostgresCopy row(int fields) throws SQLException {
        if (length >= FLUSH_AT) {
            flush();
        }
        ensure(2);
        buffer[length++] = (byte) (fields >>> 8);
        buffer[length++] = (byte) fields;
        return this;
    }

    PostgresCopy int8(long value) {
        int32(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    PostgresCopy text(String value) {
        return bytea(value.getBytes(StandardCharsets.UTF_8)); // the driver's client encoding is UTF-8
    }

    PostgresCopy uuid(UUID value) {
        int32(16);
        long msb = value.getMostSignificantBits();
        long lsb = value.getLeastSignificantBits();
        ensure(16);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (msb >>> shift);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (lsb >>> shift);
        }
        return this;
    }

    PostgresCopy bytea(byte[] value) {
        int32(value.length);
        bytes(value);
        return this;
    }

    /** Sends the trailer and ends the COPY; returns the rows the server stored. */
    long finish() throws SQLException {
        ensure(2);
        buffer[length++] = (byte) 0xFF;
        buffer[length++] = (byte) 0xFF;
        flush();
        return copy.endCopy();
    }

    /** Abandons the COPY (after a failure of the caller's); the transaction is the caller's to roll back. */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the caller reports its own failure; the connection is rolled back or discarded by it
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
