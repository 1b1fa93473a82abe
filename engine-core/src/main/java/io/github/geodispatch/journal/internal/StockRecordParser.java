package io.github.geodispatch.journal.internal;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.journal.StockRecords;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.LocationId;
import io.github.geodispatch.spi.LocationKind;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.TechnicianId;
import io.github.geodispatch.spi.WriteOffReason;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RecordParser}'s reader of the {@code stock.*} records: it takes every field of a line whose type is one
 * of {@link #TYPES} into its own holder (unknown fields are skipped, a repeated field or one of the wrong JSON type
 * is malformed) and builds the {@link StockRecords} record (a missing or invalid value is invalid). Not
 * thread-safe: one per {@code RecordParser}.
 */
final class StockRecordParser {
    static final List<String> TYPES = List.of("stock.sku", "stock.location", "stock.minimum", "stock.receipt",
            "stock.transfer", "stock.use", "stock.return", "stock.writeoff", "stock.count");
    private static final Map<String, Integer> FIELD_BITS = new HashMap<>();

    static {
        List<String> fields = List.of("at", "sku", "name", "hsn", "unit", "gst_rate_bp", "cost_price", "sell_price",
                "serial_tracked", "location", "kind", "branch", "technician", "qty", "unit_cost", "serials",
                "reference", "from", "to", "job", "reason", "note");
        for (int i = 0; i < fields.size(); i++) {
            FIELD_BITS.put(fields.get(i), i);
        }
    }

    private long seen;
    private String at, sku, name, hsn, unit, location, kind, branch, technician, reference, from, to, job, reason, note;
    private Integer gstRate, qty;
    private Boolean serialTracked;
    private Money costPrice, sellPrice, unitCost;
    private List<String> serials;

    /** True when {@code type} is a stock record; then the holder is cleared for its fields. */
    boolean begin(String type) {
        if (!type.startsWith("stock.")) {
            return false;
        }
        seen = 0;
        at = sku = name = hsn = unit = location = kind = branch = technician = reference = from = to = job = reason =
                note = null;
        gstRate = qty = null;
        serialTracked = null;
        costPrice = sellPrice = unitCost = null;
        serials = null;
        return true;
    }

    void field(String field, JsonParser p) throws IOException {
        Integer bit = FIELD_BITS.get(field);
        if (bit == null) {
            p.skipChildren();
            return;
        }
        long mask = 1L << bit;
        if ((seen & mask) != 0) {
            throw RecordParser.malformed("duplicate field '" + field + "'");
        }
        seen |= mask;
        switch (field) {
            case "at" -> at = RecordParser.string(p, field);
            case "sku" -> sku = RecordParser.string(p, field);
            case "name" -> name = RecordParser.string(p, field);
            case "hsn" -> hsn = RecordParser.string(p, field);
            case "unit" -> unit = RecordParser.string(p, field);
            case "location" -> location = RecordParser.string(p, field);
            case "kind" -> kind = RecordParser.string(p, field);
            case "branch" -> branch = RecordParser.string(p, field);
            case "technician" -> technician = RecordParser.string(p, field);
            case "reference" -> reference = RecordParser.string(p, field);
            case "from" -> from = RecordParser.string(p, field);
            case "to" -> to = RecordParser.string(p, field);
            case "job" -> job = RecordParser.string(p, field);
            case "reason" -> reason = RecordParser.string(p, field);
            case "note" -> note = RecordParser.string(p, field);
            case "gst_rate_bp" -> gstRate = integer(p, field);
            case "qty" -> qty = integer(p, field);
            case "serial_tracked" -> serialTracked = bool(p, field);
            case "cost_price" -> costPrice = RecordParser.money(p, field);
            case "sell_price" -> sellPrice = RecordParser.money(p, field);
            case "unit_cost" -> unitCost = RecordParser.money(p, field);
            case "serials" -> serials = RecordParser.strings(p, field);
            default -> throw new IllegalStateException("field " + field + " has a bit but no case");
        }
    }

    /** The record of {@code type} from the fields read; throws {@link IllegalArgumentException} naming what is wrong. */
    JournalRecord build(String type) {
        OffsetDateTime time = JournalTimes.parse(required(at, "at"), "at");
        return switch (type) {
            case "stock.sku" -> new StockRecords.Sku(time, required(sku, "sku"), required(name, "name"), hsn,
                    required(unit, "unit"), required(gstRate, "gst_rate_bp"), required(costPrice, "cost_price"),
                    required(sellPrice, "sell_price"), serialTracked != null && serialTracked);
            case "stock.location" -> new StockRecords.Location(time, location(), RecordParser.constant(LocationKind.class,
                    required(kind, "kind"), "location kind"), required(name, "name"), new BranchId(required(branch, "branch")),
                    technician == null ? null : new TechnicianId(technician));
            case "stock.minimum" -> new StockRecords.Minimum(time, location(), required(sku, "sku"), required(qty, "qty"));
            case "stock.receipt" -> new StockRecords.Receipt(time, location(), required(sku, "sku"), required(qty, "qty"),
                    required(unitCost, "unit_cost"), serials, reference);
            case "stock.transfer" -> new StockRecords.Transfer(time, new LocationId(required(from, "from")),
                    new LocationId(required(to, "to")), required(sku, "sku"), required(qty, "qty"), serials);
            case "stock.use" -> new StockRecords.Use(time, location(), required(sku, "sku"), required(qty, "qty"), serials,
                    job == null ? null : new JobId(job));
            case "stock.return" -> new StockRecords.Return(time, location(), new JobId(required(job, "job")),
                    required(sku, "sku"), required(qty, "qty"), serials);
            case "stock.writeoff" -> new StockRecords.WriteOff(time, location(), required(sku, "sku"), required(qty, "qty"),
                    RecordParser.constant(WriteOffReason.class, required(reason, "reason"), "write-off reason"), note,
                    serials);
            case "stock.count" -> new StockRecords.Count(time, location(), required(sku, "sku"), required(qty, "qty"),
                    serials);
            default -> throw new IllegalArgumentException("unknown record type '" + type + "'");
        };
    }

    private LocationId location() {
        return new LocationId(required(location, "location"));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static int integer(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw RecordParser.malformed("field '" + field + "' must be an integer");
        }
        return p.getIntValue();
    }

    private static boolean bool(JsonParser p, String field) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw RecordParser.malformed("field '" + field + "' must be true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }
}
