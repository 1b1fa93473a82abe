package io.github.geodispatch.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One database for the engine's persistent ports: a HikariCP pool, the schema migrated by Flyway, and
 * the adapters over them ({@link #events()}, {@link #invoices()}, {@link #outbox}). PostgreSQL is the
 * production choice (payloads in {@code jsonb}); embedded H2 in PostgreSQL mode is the zero-setup
 * default of the examples ({@link #h2InMemory}, {@link #h2File}).
 *
 * <pre>{@code
 * try (JdbcDatabase db = JdbcDatabase.builder()
 *         .url("jdbc:postgresql://127.0.0.1:5432/geodispatch")
 *         .user("geodispatch").password(secret)
 *         .maximumPoolSize(16)
 *         .build()) {
 *     JobEventStore store = db.events();
 *     ...
 * }
 * }</pre>
 *
 * Migrations live in {@code classpath:db/geodispatch} and are recorded in their own history table
 * ({@code geodispatch_schema_history}), so they coexist with a host's own Flyway schema. Several host
 * instances may share one database: each builds its own pool, and the first to start migrates.
 *
 * <p>Thread-safe; close it to close the pool.
 */
public final class JdbcDatabase implements AutoCloseable {
    /** Where the migrations are on the classpath. */
    public static final String MIGRATIONS = "classpath:db/geodispatch";
    /** The Flyway history table of these migrations. */
    public static final String HISTORY_TABLE = "geodispatch_schema_history";
    /** The settings the adapter needs on H2 (added to an H2 URL unless it sets them itself). */
    private static final Map<String, String> H2_SETTINGS = Map.of(
            "MODE", "PostgreSQL",
            "DATABASE_TO_LOWER", "TRUE",
            "DEFAULT_NULL_ORDERING", "HIGH",
            "LOCK_TIMEOUT", "30000",
            // write each commit to the file at once (H2 otherwise delays up to 500 ms): a killed process
            // loses no committed event
            "WRITE_DELAY", "0");
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final JdbcJobEventStore events;
    private final JdbcInvoiceSequence invoices;

    private JdbcDatabase(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.events = JdbcJobEventStore.over(dataSource, dialect);
        this.invoices = JdbcInvoiceSequence.over(dataSource);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An in-memory H2 database named {@code name}, kept until this object is closed: the zero-setup default. */
    public static JdbcDatabase h2InMemory(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("H2 database name must be 1-64 letters, digits, _ or -, was '" + name + "'");
        }
        return builder().url("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1").user("sa").password("").build();
    }

    /** An H2 database in the files {@code file + ".mv.db"}, created when missing. */
    public static JdbcDatabase h2File(Path file) {
        Objects.requireNonNull(file, "file");
        return builder().url("jdbc:h2:file:" + file.toAbsolutePath()).user("sa").password("").build();
    }

    /**
     * Migrates the schema of {@code dataSource} (a pool the host already has) to the latest version;
     * {@code schema} may be null for the connection's default schema.
     */
    public static void migrate(DataSource dataSource, String schema) {
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException("connecting to migrate the schema", e);
        }
        migrate(dataSource, dialect, schema);
    }

    private static void migrate(DataSource dataSource, Dialect dialect, String schema) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .placeholders(Map.of("json_type", dialect.jsonType))
                .failOnMissingLocations(true);
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        config.load().migrate();
    }

    /** The pool, for a host that wants to run its own queries against the same database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The job event store over this database. */
    public JdbcJobEventStore events() {
        return events;
    }

    /** The gapless invoice numbers over this database. */
    public JdbcInvoiceSequence invoices() {
        return invoices;
    }

    /** An outbox reader for the named consumer; its checkpoint is kept in this database. */
    public OutboxReader outbox(String consumer, int batchSize) {
        return OutboxReader.over(dataSource, consumer, batchSize);
    }

    /** True for PostgreSQL, false for H2. */
    public boolean isPostgres() {
        return dialect == Dialect.POSTGRESQL;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * Configures the pool. {@link #url} is required; setters fail at once on a bad or repeated value.
     * Not thread-safe; {@link #build()} may be called once.
     */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private String schema;
        private Integer maximumPoolSize;
        private String poolName;

        private Builder() {}

        /** A {@code jdbc:postgresql:} or {@code jdbc:h2:} URL. */
        public Builder url(String url) {
            requireUnset(this.url, "url");
            if (url == null || !(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:h2:"))) {
                throw new IllegalArgumentException("url must start with jdbc:postgresql: or jdbc:h2:, was '" + url + "'");
            }
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            requireUnset(this.user, "user");
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        public Builder password(String password) {
            requireUnset(this.password, "password");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * PostgreSQL only: the schema to keep the tables in (created if missing; it becomes the pool's
         * search path); default: the connection's default schema.
         */
        public Builder schema(String schema) {
            requireUnset(this.schema, "schema");
            if (schema == null || !SCHEMA.matcher(schema).matches()) {
                throw new IllegalArgumentException("schema must be a lower-case SQL identifier, was '" + schema + "'");
            }
            this.schema = schema;
            return this;
        }

        /** The most connections the pool opens (default 10). */
        public Builder maximumPoolSize(int size) {
            requireUnset(this.maximumPoolSize, "maximumPoolSize");
            if (size < 1 || size > 1_000) {
                throw new IllegalArgumentException("maximumPoolSize must be 1-1000, was " + size);
            }
            this.maximumPoolSize = size;
            return this;
        }

        /** The pool's name in logs and JMX (default {@code geodispatch}). */
        public Builder poolName(String name) {
            requireUnset(this.poolName, "poolName");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("poolName must not be blank");
            }
            this.poolName = name;
            return this;
        }

        /** Opens the pool, migrates the schema and returns the database; the pool is closed again on failure. */
        public JdbcDatabase build() {
            if (url == null) {
                throw new IllegalStateException("url is required");
            }
            boolean h2 = url.startsWith("jdbc:h2:");
            if (h2 && schema != null) {
                throw new IllegalStateException("schema is for PostgreSQL; give each H2 use its own database instead");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(h2 ? withH2Settings(url) : url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maximumPoolSize == null ? 10 : maximumPoolSize);
            config.setPoolName(poolName == null ? "geodispatch" : poolName);
            config.setAutoCommit(true);
            if (!h2) {
                // one multi-row INSERT per batch instead of a round trip per event
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
            if (schema != null) {
                config.setSchema(schema);
            }
            HikariDataSource dataSource = new HikariDataSource(config);
            try {
                Dialect dialect;
                try (Connection connection = dataSource.getConnection()) {
                    dialect = Dialect.of(connection);
                }
                migrate(dataSource, dialect, schema);
                return new JdbcDatabase(dataSource, dialect);
            } catch (SQLException e) {
                dataSource.close();
                throw new JdbcStoreException("opening " + url, e);
            } catch (RuntimeException e) {
                dataSource.close();
                throw e;
            }
        }

        private static String withH2Settings(String url) {
            StringBuilder result = new StringBuilder(url);
            String upper = url.toUpperCase(Locale.ROOT);
            H2_SETTINGS.forEach((key, value) -> {
                if (!upper.contains(";" + key + "=")) {
                    result.append(';').append(key).append('=').append(value);
                }
            });
            return result.toString();
        }

        private static void requireUnset(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
        }
    }
}
