package io.github.geodispatch.spi;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The text {@link ChainFormat#TEXT_V1} hashes, reproduced field by field exactly as Java printed the event
 * records and their values when that format was current (record {@code toString()}: {@code Name[a=1, b=2]},
 * {@code null} for null, lists as {@code [x, y]}, ids as their value, a stream as {@code tenant/job}, money as
 * {@code 1499.00 INR}, doubles by {@link Double#toString(double)}). Frozen: it must not follow later changes to the
 * records or their values, or chains written in format 1 would stop verifying ({@code LegacyTextTest} pins it
 * against hashes recorded by the code of that time). Stateless and thread-safe.
 */
final class LegacyText {
    private LegacyText() {}

    static String of(JobEvent event) {
        if (event instanceof JobEvent.JobCreated e) {
            return record("JobCreated", "header", header(e.header()), "branch", e.branch().value(),
                    "customer", e.customer().value(), "site", site(e.site()), "issue", e.issue(), "jobType", e.jobType(),
                    "requiredSkills", list(e.requiredSkills(), s -> record("SkillRequirement", "skill", s.skill(),
                            "minLevel", String.valueOf(s.minLevel()))),
                    "priority", e.priority().name(),
                    "window", e.window() == null ? null : record("TimeWindow", "from", e.window().from().toString(),
                            "to", e.window().to().toString()),
                    "slaDeadline", text(e.slaDeadline()), "estimatedMinutes", String.valueOf(e.estimatedMinutes()),
                    "quote", money(e.quote()), "coverage", e.coverage() == null ? null : coverage(e.coverage()),
                    "preferredTechnician", e.preferredTechnician() == null ? null : e.preferredTechnician().value());
        } else if (event instanceof JobEvent.JobAssigned e) {
            return record("JobAssigned", "header", header(e.header()), "technician", e.technician().value(),
                    "overrideReason", e.overrideReason());
        } else if (event instanceof JobEvent.JobUnassigned e) {
            return record("JobUnassigned", "header", header(e.header()), "technician", e.technician().value(),
                    "reason", e.reason());
        } else if (event instanceof JobEvent.StatusChanged e) {
            if (e.slot() != null) {       // a slot never reached a format 1 history; the text reads as toString did
                return record("StatusChanged", "header", header(e.header()), "status", e.status().name(),
                        "reason", e.reason(), "evidence", e.evidence(), "slot", record("VisitSlot",
                                "technician", e.slot().technician().value(), "window", record("TimeWindow",
                                        "from", e.slot().window().from().toString(), "to", e.slot().window().to().toString())));
            }
            return record("StatusChanged", "header", header(e.header()), "status", e.status().name(),
                    "reason", e.reason(), "evidence", e.evidence());
        } else if (event instanceof JobEvent.ProofAdded e) {
            return record("ProofAdded", "header", header(e.header()), "kind", e.kind().name(), "label", e.label(),
                    "reference", e.reference(), "sha256", e.sha256());
        } else if (event instanceof JobEvent.PartUsed e) {
            return record("PartUsed", "header", header(e.header()), "sku", e.sku(), "hsn", e.hsn(),
                    "quantity", String.valueOf(e.quantity()), "unitPrice", money(e.unitPrice()),
                    "billable", String.valueOf(e.billable()));
        } else if (event instanceof JobEvent.ExpenseAdded e) {
            return record("ExpenseAdded", "header", header(e.header()), "kind", e.kind(), "amount", money(e.amount()),
                    "billable", String.valueOf(e.billable()));
        } else if (event instanceof JobEvent.PaymentRecorded e) {
            return record("PaymentRecorded", "header", header(e.header()), "mode", e.mode().name(),
                    "amount", money(e.amount()), "reference", e.reference(), "promisedOn", text(e.promisedOn()),
                    "approvedBy", e.approvedBy());
        } else if (event instanceof JobEvent.InvoiceHandedOff e) {
            return record("InvoiceHandedOff", "header", header(e.header()), "invoiceNumber", e.invoiceNumber(),
                    "total", money(e.total()), "partSkus", list(e.partSkus(), s -> s));
        } else if (event instanceof JobEvent.MessageStatusChanged e) {
            return record("MessageStatusChanged", "header", header(e.header()), "message", e.message(),
                    "template", e.template(), "recipient", e.recipient(), "channel", e.channel().name(),
                    "status", e.status().name(), "providerReference", e.providerReference(), "detail", e.detail());
        } else if (event instanceof JobEvent.OtpIssued e) {
            return record("OtpIssued", "header", header(e.header()), "salt", e.salt(), "codeHash", e.codeHash(),
                    "expiresAt", e.expiresAt().toString(), "maxAttempts", String.valueOf(e.maxAttempts()));
        } else if (event instanceof JobEvent.OtpAttemptFailed e) {
            return record("OtpAttemptFailed", "header", header(e.header()), "otp", e.otp().toString());
        } else if (event instanceof JobEvent.PaymentRequested e) {
            return record("PaymentRequested", "header", header(e.header()), "mode", e.mode().name(),
                    "amount", money(e.amount()), "reference", e.reference(), "payer", e.payer(), "link", e.link());
        } else if (event instanceof JobEvent.PaymentCallbackReceived e) {
            return record("PaymentCallbackReceived", "header", header(e.header()), "reference", e.reference(),
                    "paid", String.valueOf(e.paid()), "resultCode", e.resultCode(),
                    "resultDescription", e.resultDescription(), "receipt", e.receipt(),
                    "amount", e.amount() == null ? null : money(e.amount()));
        } else if (event instanceof JobEvent.FeedbackRecorded e) {
            return record("FeedbackRecorded", "header", header(e.header()), "rating", String.valueOf(e.rating()),
                    "comment", e.comment());
        }
        throw new IllegalStateException("unknown event type " + event.getClass().getName());
    }

    private static String header(EventHeader h) {
        Actor a = h.actor();
        return record("EventHeader", "eventId", h.eventId().toString(),
                "stream", h.stream().tenant().value() + "/" + h.stream().job().value(),
                "version", String.valueOf(h.version()), "occurredAt", h.occurredAt().toString(),
                "actor", record("Actor", "id", a.id(), "role", a.role().name(), "tenant", a.tenant().value(),
                        "branch", a.branch() == null ? null : a.branch().value()),
                "previousHash", h.previousHash());
    }

    private static String site(Site s) {
        return record("Site", "id", s.id().value(),
                "location", record("GeoPoint", "lat", Double.toString(s.location().lat()),
                        "lng", Double.toString(s.location().lng())),
                "radiusMetres", Double.toString(s.radiusMetres()), "address", s.address());
    }

    private static String coverage(Coverage c) {
        return record("Coverage", "kind", c.kind().name(), "reference", c.reference(),
                "validUntil", c.validUntil().toString(), "jobTypes", list(c.jobTypes(), t -> t));
    }

    private static String money(Money m) {
        return BigDecimal.valueOf(m.minor(), m.currency().minorDigits()).toPlainString() + " " + m.currency().name();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static <T> String list(List<T> items, Function<T, String> item) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(item.apply(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** {@code Name[k1=v1, k2=v2]} from alternating names and values; a null value prints as {@code null}. */
    private static String record(String name, String... namesAndValues) {
        StringBuilder b = new StringBuilder(name).append('[');
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.append(i == 0 ? "" : ", ").append(namesAndValues[i]).append('=').append(namesAndValues[i + 1]);
        }
        return b.append(']').toString();
    }
}
