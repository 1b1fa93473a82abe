package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.CollectionsView;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.PaymentMode;
import io.github.geodispatch.spi.StatementCredit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The front door's payments and leakage watching the day as it happens: every job event reaches it from the job
 * record, and this watch hands it every statement credit and cash deposit (site visits come from the front
 * door's visits). At the audit time it gives the findings (the front door also counts them in the owner's view),
 * matches them to the planted mistakes, and reads their evidence (event ids, statement rows) back as the facts
 * of the day. Not thread-safe (the simulation is single-threaded).
 */
final class LeakageWatch {
    private final GeoDispatch.Payments payments;
    private final Map<String, JobEvent> events = new HashMap<>();
    private final Map<String, StatementCredit> statements = new HashMap<>();
    private List<Finding> findings = List.of();

    LeakageWatch(GeoDispatch.Payments payments) {
        this.payments = payments;
    }

    /** A job event, kept so that a finding's evidence can be told in words. */
    void event(JobEvent e) {
        events.put(e.header().eventId().toString(), e);
    }

    void credit(StatementCredit c) {
        statements.put(Finding.statementEvidence(c), c);
        payments.credit(c);
    }

    void deposit(CashDeposit d) {
        payments.deposit(d);
    }

    /** Audits the day at {@code asOf}; the result is kept for {@link #findings()}. */
    List<Finding> audit(Instant asOf) {
        findings = payments.audit(asOf);
        return findings;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Pending collections and cash in hand as the payments engine counts them. */
    CollectionsView collections(Instant asOf) {
        return payments.collections(asOf);
    }

    /** The finding a planted mistake should have produced: same code and the same job, technician or reference. */
    Optional<Finding> finding(CityWorld.Mistake m) {
        return findings.stream().filter(f -> f.code().name().equals(m.kind().findingCode)
                && (m.job() == null || m.job().equals(f.job()))
                && (m.technician() == null || m.technician().equals(f.technician()))
                && (m.reference() == null || m.reference().equals(f.reference()))).findFirst();
    }

    /** The job event a piece of evidence names, if it names one. */
    Optional<JobEvent> event(String evidence) {
        return Optional.ofNullable(events.get(evidence));
    }

    /** The statement row a piece of evidence names, if it names one. */
    Optional<StatementCredit> statement(String evidence) {
        return Optional.ofNullable(statements.get(evidence));
    }

    /** Findings that no planted mistake accounts for. */
    List<Finding> unplanted(List<CityWorld.Mistake> mistakes) {
        List<Finding> out = new ArrayList<>(findings);
        mistakes.forEach(m -> finding(m).ifPresent(out::remove));
        return out;
    }

    /** One piece of a finding's evidence in words: the job event or statement row it names. */
    String describe(String evidence) {
        JobEvent e = events.get(evidence);
        if (e != null) {
            return e.header().job().value() + ": " + happened(e) + " at " + CitySimulation.hhmm(e.header().occurredAt());
        }
        StatementCredit c = statements.get(evidence);
        if (c != null) {
            return c.source() + " statement: " + Fmt.inr(c.amount()) + " from " + c.payer() + ", UTR " + c.reference()
                    + " at " + CitySimulation.hhmm(c.at()) + (c.billRef() == null ? ", no bill reference"
                    : ", bill reference " + c.billRef());
        }
        return evidence;
    }

    /** What a job event records, in the owner's words (amounts as the report writes them). */
    private static String happened(JobEvent e) {
        if (e instanceof JobEvent.StatusChanged s) {
            return "marked " + s.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        } else if (e instanceof JobEvent.PaymentRecorded p) {
            return "payment " + Fmt.inr(p.amount()) + ", " + paidBy(p.mode())
                    + (p.reference() == null ? "" : ", reference " + p.reference());
        } else if (e instanceof JobEvent.PartUsed p) {
            return "part " + p.sku() + " used, " + Fmt.inr(p.lineTotal()) + (p.billable() ? " to bill" : " not to bill");
        } else if (e instanceof JobEvent.InvoiceHandedOff i) {
            return "invoice " + i.invoiceNumber() + " for " + Fmt.inr(i.total())
                    + (i.partSkus().isEmpty() ? "" : " with parts " + String.join(", ", i.partSkus()));
        }
        // the other events by their name: JobCreated -> "job created"
        return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String paidBy(PaymentMode mode) {
        return switch (mode) {
            case UPI, AMC -> mode.name();
            case MPESA -> "M-Pesa";
            case PENDING -> "to pay later";
            case INVOICE_REQUIRED -> "invoice to follow";
            case CASH, CARD, WARRANTY, WAIVED -> mode.name().toLowerCase(Locale.ROOT);
        };
    }
}
