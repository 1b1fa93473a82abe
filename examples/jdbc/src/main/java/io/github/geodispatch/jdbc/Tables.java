package io.github.geodispatch.jdbc;

import java.util.regex.Pattern;

/**
 * The adapter's table names as its SQL spells them: qualified by the configured schema, or left to the
 * connection's current schema. The schema is quoted so that it keeps its (lower) case on every database,
 * as Flyway creates it; the table names are not, as the migrations create them. Immutable.
 */
final class Tables {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    final String jobEvent;
    final String eventPosition;
    final String outboxCheckpoint;
    final String outboxParked;
    final String invoiceSeries;
    final String customerEvent;
    final String customerEventPosition;
    final String stockEvent;
    final String stockPosition;
    final String outboundMessage;

    private Tables(String prefix) {
        jobEvent = prefix + "job_event";
        eventPosition = prefix + "event_position";
        outboxCheckpoint = prefix + "outbox_checkpoint";
        outboxParked = prefix + "outbox_parked";
        invoiceSeries = prefix + "invoice_series";
        customerEvent = prefix + "customer_event";
        customerEventPosition = prefix + "customer_event_position";
        stockEvent = prefix + "stock_event";
        stockPosition = prefix + "stock_position";
        outboundMessage = prefix + "outbound_message";
    }

    static Tables inCurrentSchema() {
        return new Tables("");
    }

    static Tables inSchema(String schema) {
        requireSchemaName(schema);
        return new Tables('"' + schema + "\".");
    }

    static String requireSchemaName(String schema) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must be a lower-case SQL identifier (a-z, 0-9, _; at most 63),"
                    + " was '" + schema + "'");
        }
        return schema;
    }
}
