package io.github.geodispatch.journal.internal;
import io.github.geodispatch.journal.CustomerRecords;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.ContractId;
import io.github.geodispatch.spi.ContractKind;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerId;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.CustomerSite;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.PartsCover;
import io.github.geodispatch.spi.SiteId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fields and records of the journal's customer and contract lines, for {@link RecordParser}: it hands this
 * holder every field it does not know itself, and the types it does not know. The fields the lines share with
 * other types ({@code customer}, {@code at}, {@code branch}, {@code name}, {@code address}, {@code gstin},
 * {@code state_code}, {@code reason}) stay with {@link RecordParser} and are passed in. Not thread-safe: one per
 * parser.
 */
final class CustomerRecordParser {
    private static final List<String> STRINGS = List.of("email", "language", "site_id", "access_notes",
            "equipment_id", "equipment_type", "make", "model", "serial", "installed_on", "warranty_until", "contract",
            "contract_kind", "visit_job_type", "parts_cover", "start", "end", "renews", "invoice_number", "invoice_date");
    private static final List<String> INTEGERS = List.of("visits_per_year", "interval_days", "window_days",
            "breakdown_calls", "parts_discount_bp", "response_hours", "instalments", "instalment");
    private static final List<String> ARRAYS = List.of("phones", "sites", "equipment", "job_types");

    private final Map<String, Object> fields = new HashMap<>();
    private boolean customerLine;

    /** Forgets the last line's fields; a line of another {@code type} has its unknown fields skipped. */
    void startLine(String type) {
        fields.clear();
        customerLine = type.startsWith("customer.") || type.startsWith("contract.");
    }

    /** Reads a field of a customer or contract line, or skips a field its line's type does not know. */
    void field(String field, JsonParser p) throws IOException {
        Object value;
        if (!customerLine) {
            p.skipChildren();
            return;
        } else if (STRINGS.contains(field)) {
            value = RecordParser.string(p, field);
        } else if (INTEGERS.contains(field)) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw RecordParser.malformed("field '" + field + "' must be an integer");
            }
            value = p.getIntValue();
        } else if (ARRAYS.contains(field)) {
            value = RecordParser.strings(p, field);
        } else if (field.equals("labour_covered")) {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                throw RecordParser.malformed("field 'labour_covered' must be true or false");
            }
            value = t == JsonToken.VALUE_TRUE;
        } else if (field.equals("price") || field.equals("taxable_value") || field.equals("total")) {
            value = RecordParser.money(p, field);
        } else if (field.equals("location")) {
            value = location(p);
        } else {
            p.skipChildren();
            return;
        }
        if (fields.containsKey(field)) {
            throw RecordParser.malformed("duplicate field '" + field + "'");
        }
        fields.put(field, value);
    }

    private static GeoPoint location(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw RecordParser.malformed("field 'location' must be an object");
        }
        Double lat = null, lng = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "lat" -> lat = RecordParser.number(p, "location.lat");
                case "lng" -> lng = RecordParser.number(p, "location.lng");
                default -> p.skipChildren();
            }
        }
        if (lat == null || lng == null) {
            throw RecordParser.invalid("location needs lat and lng", null);
        }
        return GeoPoint.of(lat, lng);
    }

    /**
     * The record of {@code type} from this holder's fields and the shared ones; an unknown type is invalid.
     *
     * @throws IllegalArgumentException naming a missing or invalid value
     */
    JournalRecord record(String type, Supplier<OffsetDateTime> at, String customer, String branch, String name,
                         String address, String gstin, String stateCode, String reason) {
        if (!customerLine) {
            throw RecordParser.invalid("unknown record type '" + type + "'", null);
        }
        CustomerId who = new CustomerId(required(customer, "customer"));
        OffsetDateTime when = at.get();
        return switch (type) {
            case "customer.registered" -> new CustomerRecords.Registered(who, when, new BranchId(required(branch, "branch")),
                    new CustomerProfile(required(name, "name"), strings("phones"), text("email"),
                            text("language") == null ? "en" : text("language"), gstin, stateCode, address));
            case "customer.site" -> new CustomerRecords.SiteAdded(who, when, new CustomerSite(
                    new SiteId(requiredText("site_id")), (GeoPoint) required(fields.get("location"), "location"), address,
                    text("access_notes")));
            case "customer.equipment" -> new CustomerRecords.EquipmentAdded(who, when, new Equipment(
                    new EquipmentId(requiredText("equipment_id")), new SiteId(requiredText("site_id")),
                    requiredText("equipment_type"), text("make"), text("model"), requiredText("serial"),
                    requiredDate("installed_on"), date("warranty_until")));
            case "contract.drafted" -> new CustomerRecords.ContractDrafted(who, when, terms());
            case "contract.activated" -> new CustomerRecords.ContractActivated(who, when, new ContractId(requiredText("contract")));
            case "contract.cancelled" -> new CustomerRecords.ContractCancelled(who, when,
                    new ContractId(requiredText("contract")), reason);
            case "contract.invoiced" -> new CustomerRecords.ContractInvoiced(who, when,
                    new ContractId(requiredText("contract")), (Integer) required(fields.get("instalment"), "instalment"),
                    requiredText("invoice_number"), requiredDate("invoice_date"),
                    (Money) required(fields.get("taxable_value"), "taxable_value"),
                    (Money) required(fields.get("total"), "total"));
            default -> throw RecordParser.invalid("unknown record type '" + type + "'", null);
        };
    }

    private ContractTerms terms() {
        ContractPlan plan = new ContractPlan(integer("visits_per_year", 0), integer("interval_days", 0),
                integer("window_days", 14), requiredText("visit_job_type"), integer("breakdown_calls", 0),
                strings("job_types"), RecordParser.constant(PartsCover.class, text("parts_cover") == null ? "NONE"
                : text("parts_cover"), "parts cover"), integer("parts_discount_bp", 0),
                (Boolean) required(fields.get("labour_covered"), "labour_covered"), integer("response_hours", 0));
        List<SiteId> sites = new ArrayList<>();
        strings("sites").forEach(s -> sites.add(new SiteId(s)));
        List<EquipmentId> units = new ArrayList<>();
        strings("equipment").forEach(e -> units.add(new EquipmentId(e)));
        String renews = text("renews");
        return new ContractTerms(new ContractId(requiredText("contract")),
                RecordParser.constant(ContractKind.class, requiredText("contract_kind"), "contract kind"), sites, units, plan,
                (Money) required(fields.get("price"), "price"), integer("instalments", 1),
                requiredDate("start"), requiredDate("end"),
                renews == null ? null : new ContractId(renews));
    }

    private String text(String field) {
        return (String) fields.get(field);
    }

    private String requiredText(String field) {
        return (String) required(fields.get(field), field);
    }

    private LocalDate date(String field) {
        String value = text(field);
        return value == null ? null : JournalTimes.date(value, field);
    }

    private LocalDate requiredDate(String field) {
        return JournalTimes.date(requiredText(field), field);
    }

    private int integer(String field, int absent) {
        Object value = fields.get(field);
        return value == null ? absent : (Integer) value;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String field) {
        Object value = fields.get(field);
        return value == null ? List.of() : (List<String>) value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }
}
