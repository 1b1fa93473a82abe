package io.github.geodispatch.jdbc;

import io.github.geodispatch.spi.InvoiceSequence;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's persistent ports over a host's {@link DataSource}: the job event store ({@link #events()}),
 * gapless invoice numbers ({@link #invoices()}) and outbox readers ({@link #outboxReader}).
 *
 * <pre>{@code
 * JdbcDatabase db = JdbcDatabase.over(dataSource);          // the host's pool; migrates the adapter's tables
 * JobEventStore events = db.events();
 * }</pre>
 *
 * <p>Building one migrates the adapter's tables with Flyway (scripts in {@code classpath:db/geodispatch},
 * history in their own table {@value #HISTORY_TABLE}, so they live beside a host's own Flyway migrations,
 * in the host's schema or in one of their own, see {@link Builder#schema}) and detects the database,
 * PostgreSQL or H2, from the connection's metadata. Several host instances may build one over the same
 * database at once: Flyway serialises their migrations and the first one applies them.
 *
 * <p>The adapter opens no connection of its own: every operation borrows one from the DataSource and
 * gives it back, so pooling, credentials and closing the pool stay the host's. It never holds a connection
 * between calls.
 *
 * <p>Immutable and thread-safe; so are the store, the sequence and the readers it hands out.
 */
public final class JdbcDatabase {
    /** The Flyway history table of the adapter's migrations. */
    public static final String HISTORY_TABLE = "geodispatch_schema_history";
    private static final String MIGRATIONS = "classpath:db/geodispatch";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Tables tables;
    private final JdbcJobEventStore events;
    private final JdbcInvoiceSequence invoices;
    private final JdbcCustomerEventStore customers;
    private final JdbcStockEventStore stock;
    private final JdbcMessageStore messages;

    private JdbcDatabase(DataSource dataSource, Dialect dialect, Tables tables) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.tables = tables;
        this.events = new JdbcJobEventStore(dataSource, dialect, tables);
        this.invoices = new JdbcInvoiceSequence(dataSource, tables);
        this.customers = new JdbcCustomerEventStore(dataSource, tables);
        this.stock = new JdbcStockEventStore(dataSource, tables);
        this.messages = new JdbcMessageStore(dataSource, dialect, tables);
    }

    /** The adapter over {@code dataSource}'s current schema, migrated to the latest version. */
    public static JdbcDatabase over(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The job event store. */
    public JdbcJobEventStore events() {
        return events;
    }

    /** The customer and contract event store. */
    public JdbcCustomerEventStore customers() {
        return customers;
    }

    /** The messaging engine's outbox, shared by every engine instance over this database. */
    public JdbcMessageStore messages() {
        return messages;
    }

    /** The stock event store (warehouses, vans, the catalogue). */
    public JdbcStockEventStore stock() {
        return stock;
    }

    /** Gapless invoice numbers per series. */
    public InvoiceSequence invoices() {
        return invoices;
    }

    /**
     * Starts a reader of the event table for the named consumer; its checkpoint and parked events are kept
     * in this database, so a restarted host resumes where the consumer left off.
     */
    public OutboxReader.Builder outboxReader(String consumer) {
        return new OutboxReader.Builder(dataSource, dialect, tables, events, consumer);
    }

    boolean isPostgres() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** The event table as the adapter's SQL names it (the tests damage a row in it). */
    String jobEventTable() {
        return tables.jobEvent;
    }

    /**
     * Configures the adapter. {@link #dataSource} is required; setters fail at once on a bad or repeated
     * value. Not thread-safe.
     */
    public static final class Builder {
        private DataSource dataSource;
        private String schema;

        private Builder() {}

        /** The host's DataSource (a pool, in production) over PostgreSQL or H2. */
        public Builder dataSource(DataSource dataSource) {
            requireUnset(this.dataSource, "dataSource");
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Keeps the adapter's tables, and their Flyway history, in this schema (created when missing)
         * instead of the connections' current schema; the adapter's SQL names it explicitly, so the
         * DataSource's search path does not matter. A lower-case SQL identifier.
         */
        public Builder schema(String schema) {
            requireUnset(this.schema, "schema");
            this.schema = Tables.requireSchemaName(schema);
            return this;
        }

        /**
         * Detects the database, migrates the adapter's tables to the latest version and returns the
         * adapter. Fails with {@link JdbcStoreException} when the database cannot be reached, with
         * {@link IllegalArgumentException} when it is neither PostgreSQL nor H2, and with Flyway's
         * exception when a migration fails (for instance when the history table records a migration this
         * version of the adapter does not know).
         */
        public JdbcDatabase build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required");
            }
            Dialect dialect;
            try (Connection connection = dataSource.getConnection()) {
                dialect = Dialect.of(connection);
            } catch (SQLException e) {
                throw new JdbcStoreException("connecting to detect the database", e);
            }
            migrate(dialect);
            return new JdbcDatabase(dataSource, dialect, schema == null ? Tables.inCurrentSchema() : Tables.inSchema(schema));
        }

        private void migrate(Dialect dialect) {
            FluentConfiguration config = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .javaMigrations(new BinaryEventBodies())
                    .table(HISTORY_TABLE)
                    .placeholders(Map.of("json_type", dialect.jsonType))
                    // the host's own tables may already be in the schema: the adapter's history starts at 0
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(true);
            if (schema != null) {
                config.schemas(schema).createSchemas(true);
            }
            config.load().migrate();
        }

        private static void requireUnset(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set");
            }
        }
    }
}
