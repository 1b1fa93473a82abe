package io.github.geodispatch.jdbc;

import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fresh databases for the tests: an in-memory H2 per call, or a fresh schema in the PostgreSQL that
 * {@code .ci/run} (or a developer) started and named in {@code GEODISPATCH_PG_URL}, {@code GEODISPATCH_PG_USER}
 * and {@code GEODISPATCH_PG_PASSWORD}. Without a reachable server the PostgreSQL tests are skipped with a
 * printed reason, except under {@code CI=true}, where they fail.
 */
final class TestDatabases {
    static final String URL_VARIABLE = "GEODISPATCH_PG_URL";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private TestDatabases() {}

    static JdbcDatabase h2() {
        return JdbcDatabase.h2InMemory("t" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** A database over a new, empty schema of the test PostgreSQL server. */
    static JdbcDatabase postgres(int poolSize) {
        return postgres(poolSize, newSchemaName());
    }

    /** Another pool over the given schema (as a second host instance would open it). */
    static JdbcDatabase postgres(int poolSize, String schema) {
        requirePostgres();
        return JdbcDatabase.builder().url(System.getenv(URL_VARIABLE))
                .user(env("GEODISPATCH_PG_USER", "geodispatch"))
                .password(env("GEODISPATCH_PG_PASSWORD", ""))
                .schema(schema)
                .maximumPoolSize(poolSize)
                .poolName("test-" + schema)
                .build();
    }

    static String newSchemaName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toLowerCase(Locale.ROOT);
    }

    /** Skips (outside CI) or fails (CI=true) the calling test when no PostgreSQL server is reachable. */
    static void requirePostgres() {
        String url = System.getenv(URL_VARIABLE);
        String problem = null;
        if (url == null || url.isBlank()) {
            problem = URL_VARIABLE + " is not set";
        } else {
            try (Connection ignored = DriverManager.getConnection(url, env("GEODISPATCH_PG_USER", "geodispatch"),
                    env("GEODISPATCH_PG_PASSWORD", ""))) {
                return;
            } catch (SQLException e) {
                problem = "cannot connect to " + url + ": " + e.getMessage();
            }
        }
        String message = "PostgreSQL tests need a server: " + problem
                + " (run them through .ci/with-postgres, or set " + URL_VARIABLE
                + ", GEODISPATCH_PG_USER and GEODISPATCH_PG_PASSWORD)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true: " + message);
        }
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("WARNING: SKIPPING the PostgreSQL tests. " + message);
        }
        throw new TestAbortedException("SKIPPED: " + message);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
