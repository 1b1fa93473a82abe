package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Fresh databases for the tests, each behind its own HikariCP pool as a host would hold it: an in-memory
 * H2 per call, an H2 file, or a fresh schema in the PostgreSQL that {@code .ci/with-postgres} (or a
 * developer) started and named in {@code GEODISPATCH_PG_URL}, {@code GEODISPATCH_PG_USER} and
 * {@code GEODISPATCH_PG_PASSWORD}. Without a reachable server the PostgreSQL tests are skipped with a
 * printed reason, except under {@code CI=true}, where they fail.
 */
final class TestDatabases {
    static final String URL_VARIABLE = "GEODISPATCH_PG_URL";
    /** H2 waits up to 1 s for a row lock by default; racing appenders in the tests may queue longer. */
    private static final String H2_SETTINGS = ";LOCK_TIMEOUT=30000";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private TestDatabases() {}

    /** A new in-memory H2 database in H2's own (regular) mode, gone when closed. */
    static TestDatabase h2() {
        return open(pool(h2MemoryUrl(), "sa", "", 10, "h2"), JdbcDatabase::over);
    }

    /** The URL of a new in-memory H2 database, which lives while a connection to it is open (the pool's). */
    static String h2MemoryUrl() {
        return "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + H2_SETTINGS;
    }

    /**
     * The H2 database in {@code file + ".mv.db"}, created when missing. Every commit is written to the file
     * at once (H2 otherwise delays up to 500 ms), so a killed process loses no committed event.
     */
    static TestDatabase h2File(Path file) {
        HikariDataSource pool = pool("jdbc:h2:file:" + file.toAbsolutePath() + H2_SETTINGS + ";WRITE_DELAY=0",
                "sa", "", 4, "h2-file");
        return open(pool, JdbcDatabase::over);
    }

    /** A database over a new, empty schema of the test PostgreSQL server. */
    static TestDatabase postgres(int poolSize) {
        return postgres(poolSize, newSchemaName());
    }

    /** Another pool over the given schema (as a second host instance would open it). */
    static TestDatabase postgres(int poolSize, String schema) {
        requirePostgres();
        HikariDataSource pool = pool(System.getenv(URL_VARIABLE), env("GEODISPATCH_PG_USER", "geodispatch"),
                env("GEODISPATCH_PG_PASSWORD", ""), poolSize, schema);
        return open(pool, ds -> JdbcDatabase.builder().dataSource(ds).schema(schema).build());
    }

    /** A pool over the test PostgreSQL server whose connections start in {@code schema}. */
    static HikariDataSource postgresPool(int poolSize, String schema) {
        requirePostgres();
        HikariConfig config = config(System.getenv(URL_VARIABLE), env("GEODISPATCH_PG_USER", "geodispatch"),
                env("GEODISPATCH_PG_PASSWORD", ""), poolSize, schema);
        config.setSchema(schema);
        return new HikariDataSource(config);
    }

    static HikariDataSource pool(String url, String user, String password, int size, String name) {
        return new HikariDataSource(config(url, user, password, size, name));
    }

    private static HikariConfig config(String url, String user, String password, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setPoolName("test-" + name);
        return config;
    }

    private static TestDatabase open(HikariDataSource pool, Function<HikariDataSource, JdbcDatabase> adapter) {
        try {
            return new TestDatabase(pool, adapter.apply(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
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
