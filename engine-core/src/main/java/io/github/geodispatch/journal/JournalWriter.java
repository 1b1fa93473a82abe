package io.github.geodispatch.journal;
import io.github.geodispatch.journal.internal.CustomerRecordWriter;
import io.github.geodispatch.journal.internal.JournalTimes;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.Money;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Writes journal records as JSON Lines (UTF-8), {@code type} first, times ISO-8601 with their offset, money
 * as {@code {"amount":"1499.00","currency":"INR"}}, absent optional values omitted. What it writes,
 * {@link JournalReader} reads back to equal records.
 *
 * <pre>{@code
 * try (JournalWriter out = JournalWriter.to(Files.newOutputStream(path))) {
 *     out.write(new JournalRecord.JobAssigned(job, at, technician));
 * }
 * }</pre>
 *
 * Not thread-safe: one writer per thread (or synchronize around {@link #write}).
 */
public final class JournalWriter implements Closeable, Flushable {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final JsonGenerator out;

    private JournalWriter(JsonGenerator out) {
        this.out = out;
        out.setPrettyPrinter(new MinimalPrettyPrinter(""));
    }

    /** A writer to {@code stream}, which {@link #close()} closes. */
    public static JournalWriter to(OutputStream stream) throws IOException {
        return new JournalWriter(JSON.createGenerator(Objects.requireNonNull(stream, "stream")));
    }

    /** A writer to {@code writer}, which {@link #close()} closes. */
    public static JournalWriter to(Writer writer) throws IOException {
        return new JournalWriter(JSON.createGenerator(Objects.requireNonNull(writer, "writer")));
    }

    /** Writes one record and its newline. */
    public void write(JournalRecord record) throws IOException {
        Objects.requireNonNull(record, "record");
        out.writeStartObject();
        out.writeStringField("type", record.type());
        if (record instanceof JournalRecord.Technician r) {
            out.writeStringField("id", r.id().value());
            out.writeStringField("branch", r.branch().value());
            strings("skills", r.skills());
        } else if (record instanceof JournalRecord.Customer r) {
            out.writeStringField("id", r.id().value());
            out.writeStringField("name", r.name());
            out.writeStringField("address", r.address());
            out.writeStringField("city", r.city());
            optional("pincode", r.pincode());
            optional("state_code", r.stateCode());
            optional("gstin", r.gstin());
        } else if (record instanceof JournalRecord.JobCreated r) {
            jobAndTime(r);
            out.writeStringField("branch", r.branch().value());
            out.writeStringField("customer", r.customer().value());
            out.writeStringField("job_type", r.jobType());
            out.writeObjectFieldStart("site");
            out.writeNumberField("lat", r.location().lat());
            out.writeNumberField("lng", r.location().lng());
            out.writeNumberField("radius_m", r.radiusMetres());
            out.writeEndObject();
            money("quote", r.quote());
            if (r.coverage() != null) {
                coverage(r.coverage());
            }
        } else if (record instanceof JournalRecord.JobAssigned r) {
            jobAndTime(r);
            out.writeStringField("technician", r.technician().value());
        } else if (record instanceof JournalRecord.JobUnassigned r) {
            jobAndTime(r);
            out.writeStringField("technician", r.technician().value());
            optional("reason", r.reason().isEmpty() ? null : r.reason());
        } else if (record instanceof JournalRecord.JobStatusChanged r) {
            jobAndTime(r);
            out.writeStringField("status", r.status().name());
            optional("reason", r.reason().isEmpty() ? null : r.reason());
            optional("evidence", r.evidence());
        } else if (record instanceof JournalRecord.JobProof r) {
            jobAndTime(r);
            out.writeStringField("kind", r.kind().name());
            out.writeStringField("ref", r.ref());
        } else if (record instanceof JournalRecord.JobPart r) {
            jobAndTime(r);
            out.writeStringField("sku", r.sku());
            optional("hsn", r.hsn());
            out.writeNumberField("qty", r.quantity());
            money("unit_price", r.unitPrice());
            out.writeBooleanField("billable", r.billable());
        } else if (record instanceof JournalRecord.JobExpense r) {
            jobAndTime(r);
            out.writeStringField("kind", r.kind());
            money("amount", r.amount());
            out.writeBooleanField("billable", r.billable());
        } else if (record instanceof JournalRecord.JobPayment r) {
            jobAndTime(r);
            out.writeStringField("mode", r.mode().name());
            money("amount", r.amount());
            optional("reference", r.reference());
            optional("promised_on", r.promisedOn() == null ? null : r.promisedOn().toString());
            optional("approved_by", r.approvedBy());
        } else if (record instanceof JournalRecord.JobInvoice r) {
            jobAndTime(r);
            out.writeStringField("invoice_no", r.invoiceNo());
            money("amount", r.amount());
            strings("parts", r.parts());
        } else if (record instanceof JournalRecord.Statement r) {
            time(r.at());
            out.writeStringField("source", r.source());
            out.writeStringField("reference", r.reference());
            money("amount", r.amount());
            optional("tr", r.tr());
            optional("payer", r.payer());
        } else if (record instanceof JournalRecord.CashDeposit r) {
            time(r.at());
            out.writeStringField("technician", r.technician().value());
            money("amount", r.amount());
            optional("reference", r.reference());
        } else if (record instanceof JournalRecord.Ping r) {
            out.writeStringField("ping_id", r.pingId());
            out.writeStringField("technician", r.technician().value());
            time(r.at());
            out.writeNumberField("lat", r.lat());
            out.writeNumberField("lng", r.lng());
            out.writeNumberField("accuracy_m", r.accuracyMetres());
        } else if (record instanceof JournalRecord.CustomerRecord r) {
            CustomerRecordWriter.write(out, r);
        } else if (record instanceof JournalRecord.Stock r) {
            new StockRecordWriter(this, out).write(r);
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private void jobAndTime(JournalRecord.JobRecord r) throws IOException {
        out.writeStringField("job", r.job().value());
        time(r.at());
    }

    void time(OffsetDateTime at) throws IOException {
        out.writeStringField("at", JournalTimes.format(at));
    }

    void money(String field, Money money) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeStringField("amount", money.toPlainString());
        out.writeStringField("currency", money.currency().name());
        out.writeEndObject();
    }

    private void coverage(Coverage c) throws IOException {
        out.writeObjectFieldStart("coverage");
        out.writeStringField("kind", c.kind().name());
        out.writeStringField("ref", c.reference());
        out.writeStringField("valid_until", c.validUntil().toString());
        strings("job_types", c.jobTypes());
        out.writeEndObject();
    }

    void strings(String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    void optional(String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
