package io.github.geodispatch.journal;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/**
 * Writes the fields of a {@code stock.*} record for {@link JournalWriter}, after its {@code type}: {@code at}
 * first, absent optional values and empty serial lists left out. Not thread-safe (as its writer).
 */
final class StockRecordWriter {
    private final JournalWriter writer;
    private final JsonGenerator out;

    StockRecordWriter(JournalWriter writer, JsonGenerator out) {
        this.writer = writer;
        this.out = out;
    }

    void write(JournalRecord.Stock record) throws IOException {
        writer.time(record.at());
        if (record instanceof StockRecords.Sku r) {
            out.writeStringField("sku", r.sku());
            out.writeStringField("name", r.name());
            writer.optional("hsn", r.hsn());
            out.writeStringField("unit", r.unit());
            out.writeNumberField("gst_rate_bp", r.gstRateBasisPoints());
            writer.money("cost_price", r.costPrice());
            writer.money("sell_price", r.sellPrice());
            out.writeBooleanField("serial_tracked", r.serialTracked());
        } else if (record instanceof StockRecords.Location r) {
            out.writeStringField("location", r.location().value());
            out.writeStringField("kind", r.kind().name());
            out.writeStringField("name", r.name());
            out.writeStringField("branch", r.branch().value());
            writer.optional("technician", r.technician() == null ? null : r.technician().value());
        } else if (record instanceof StockRecords.Minimum r) {
            location(r.location().value(), r.sku(), r.quantity());
        } else if (record instanceof StockRecords.Receipt r) {
            location(r.location().value(), r.sku(), r.quantity());
            writer.money("unit_cost", r.unitCost());
            serials(r.serials());
            writer.optional("reference", r.reference());
        } else if (record instanceof StockRecords.Transfer r) {
            out.writeStringField("from", r.from().value());
            out.writeStringField("to", r.to().value());
            out.writeStringField("sku", r.sku());
            out.writeNumberField("qty", r.quantity());
            serials(r.serials());
        } else if (record instanceof StockRecords.Use r) {
            location(r.location().value(), r.sku(), r.quantity());
            serials(r.serials());
            writer.optional("job", r.job() == null ? null : r.job().value());
        } else if (record instanceof StockRecords.Return r) {
            location(r.location().value(), r.sku(), r.quantity());
            out.writeStringField("job", r.job().value());
            serials(r.serials());
        } else if (record instanceof StockRecords.WriteOff r) {
            location(r.location().value(), r.sku(), r.quantity());
            out.writeStringField("reason", r.reason().name());
            writer.optional("note", r.note());
            serials(r.serials());
        } else if (record instanceof StockRecords.Count r) {
            location(r.location().value(), r.sku(), r.quantity());
            serials(r.serials());
        }
    }

    private void location(String location, String sku, int quantity) throws IOException {
        out.writeStringField("location", location);
        out.writeStringField("sku", sku);
        out.writeNumberField("qty", quantity);
    }

    private void serials(List<String> serials) throws IOException {
        if (!serials.isEmpty()) {
            writer.strings("serials", serials);
        }
    }
}
