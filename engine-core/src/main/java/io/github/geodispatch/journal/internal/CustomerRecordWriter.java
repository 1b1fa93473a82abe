package io.github.geodispatch.journal.internal;
import io.github.geodispatch.journal.CustomerRecords;
import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.ContractPlan;
import io.github.geodispatch.spi.ContractTerms;
import io.github.geodispatch.spi.CustomerProfile;
import io.github.geodispatch.spi.Equipment;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.Money;
import io.github.geodispatch.spi.SiteId;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * Writes the fields of the journal's customer and contract lines after their {@code type}, as {@code
 * JournalWriter} does for the others: absent optional values and plan values at their defaults are omitted (0
 * counts, a 14-day window, NONE parts cover, one instalment). Stateless and thread-safe.
 */
public final class CustomerRecordWriter {
    private CustomerRecordWriter() {}

    public static void write(JsonGenerator out, JournalRecord.CustomerRecord record) throws IOException {
        out.writeStringField("customer", record.customer().value());
        out.writeStringField("at", JournalTimes.format(record.at()));
        if (record instanceof CustomerRecords.Registered r) {
            CustomerProfile p = r.profile();
            out.writeStringField("branch", r.branch().value());
            out.writeStringField("name", p.name());
            strings(out, "phones", p.phones());
            optional(out, "email", p.email());
            out.writeStringField("language", p.language());
            optional(out, "gstin", p.gstin());
            optional(out, "state_code", p.stateCode());
            optional(out, "address", p.billingAddress().isEmpty() ? null : p.billingAddress());
        } else if (record instanceof CustomerRecords.SiteAdded r) {
            out.writeStringField("site_id", r.site().id().value());
            out.writeObjectFieldStart("location");
            out.writeNumberField("lat", r.site().location().lat());
            out.writeNumberField("lng", r.site().location().lng());
            out.writeEndObject();
            optional(out, "address", r.site().address().isEmpty() ? null : r.site().address());
            optional(out, "access_notes", r.site().accessNotes().isEmpty() ? null : r.site().accessNotes());
        } else if (record instanceof CustomerRecords.EquipmentAdded r) {
            Equipment e = r.equipment();
            out.writeStringField("equipment_id", e.id().value());
            out.writeStringField("site_id", e.site().value());
            out.writeStringField("equipment_type", e.type());
            optional(out, "make", e.make().isEmpty() ? null : e.make());
            optional(out, "model", e.model().isEmpty() ? null : e.model());
            out.writeStringField("serial", e.serial());
            out.writeStringField("installed_on", e.installedOn().toString());
            optional(out, "warranty_until", e.warrantyUntil() == null ? null : e.warrantyUntil().toString());
        } else if (record instanceof CustomerRecords.ContractDrafted r) {
            terms(out, r.terms());
        } else if (record instanceof CustomerRecords.ContractActivated r) {
            out.writeStringField("contract", r.contract().value());
        } else if (record instanceof CustomerRecords.ContractCancelled r) {
            out.writeStringField("contract", r.contract().value());
            out.writeStringField("reason", r.reason());
        } else if (record instanceof CustomerRecords.ContractInvoiced r) {
            out.writeStringField("contract", r.contract().value());
            out.writeNumberField("instalment", r.instalment());
            out.writeStringField("invoice_number", r.invoiceNumber());
            out.writeStringField("invoice_date", r.date().toString());
            money(out, "taxable_value", r.taxableValue());
            money(out, "total", r.total());
        }
    }

    private static void terms(JsonGenerator out, ContractTerms t) throws IOException {
        ContractPlan plan = t.plan();
        out.writeStringField("contract", t.id().value());
        out.writeStringField("contract_kind", t.kind().name());
        strings(out, "sites", t.sites().stream().map(SiteId::value).toList());
        if (!t.equipment().isEmpty()) {
            strings(out, "equipment", t.equipment().stream().map(EquipmentId::value).toList());
        }
        positive(out, "visits_per_year", plan.visitsPerYear());
        positive(out, "interval_days", plan.intervalDays());
        if (plan.windowDays() != 14) {
            out.writeNumberField("window_days", plan.windowDays());
        }
        out.writeStringField("visit_job_type", plan.visitJobType());
        positive(out, "breakdown_calls", plan.breakdownCalls());
        if (!plan.jobTypes().isEmpty()) {
            strings(out, "job_types", plan.jobTypes());
        }
        if (plan.partsCover() != io.github.geodispatch.spi.PartsCover.NONE) {
            out.writeStringField("parts_cover", plan.partsCover().name());
        }
        positive(out, "parts_discount_bp", plan.partsDiscountBasisPoints());
        out.writeBooleanField("labour_covered", plan.labourCovered());
        positive(out, "response_hours", plan.responseHours());
        money(out, "price", t.price());
        if (t.instalments() != 1) {
            out.writeNumberField("instalments", t.instalments());
        }
        out.writeStringField("start", t.start().toString());
        out.writeStringField("end", t.end().toString());
        optional(out, "renews", t.renews() == null ? null : t.renews().value());
    }

    /** {@code "field": {"amount": "1499.00", "currency": "INR"}}. */
    private static void money(JsonGenerator out, String field, Money amount) throws IOException {
        out.writeObjectFieldStart(field);
        out.writeStringField("amount", amount.toPlainString());
        out.writeStringField("currency", amount.currency().name());
        out.writeEndObject();
    }

    private static void positive(JsonGenerator out, String field, int value) throws IOException {
        if (value != 0) {
            out.writeNumberField(field, value);
        }
    }

    private static void strings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    private static void optional(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }
}
