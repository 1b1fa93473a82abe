package io.github.geodispatch.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pool that hands its connections out and takes them back exactly as they are, without resetting
 * anything (unlike HikariCP), to see what the adapter leaves on a host's connections.
 */
final class BarePool implements ConnectionSource, AutoCloseable {
    private final BlockingQueue<Connection> idle;
    private final Connection[] all;

    BarePool(String url, int size, boolean autoCommit) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        all = new Connection[size];
        for (int i = 0; i < size; i++) {
            all[i] = DriverManager.getConnection(url, "sa", "");
            all[i].setAutoCommit(autoCommit);
            idle.add(all[i]);
        }
    }

    /** Whether every connection of the pool, lent or idle, has {@code autoCommit}. */
    boolean allHaveAutoCommit(boolean autoCommit) throws SQLException {
        for (Connection connection : all) {
            if (connection.getAutoCommit() != autoCommit) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection;
        try {
            connection = idle.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
        if (connection == null) {
            throw new SQLException("no idle connection within 10 s");
        }
        Connection borrowed = connection;
        return (Connection) Proxy.newProxyInstance(BarePool.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        idle.add(borrowed);
                        return null;
                    }
                    try {
                        return method.invoke(borrowed, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : all) {
            connection.close();
        }
    }
}
