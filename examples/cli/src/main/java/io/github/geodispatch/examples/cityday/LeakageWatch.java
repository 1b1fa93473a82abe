package io.github.geodispatch.examples.cityday;
import io.github.geodispatch.GeoDispatch;
import io.github.geodispatch.leakage.Finding;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.payment.CollectionsView;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StatementCredit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
            String what = e.getClass().getSimpleName();
            if (e instanceof JobEvent.StatusChanged s) {
                what = s.status().name();
            } else if (e instanceof JobEvent.PaymentRecorded p) {
                what = "paid " + p.mode() + " " + p.amount() + (p.reference() == null ? "" : " ref " + p.reference());
            } else if (e instanceof JobEvent.PartUsed p) {
                what = "part " + p.sku() + " " + p.lineTotal() + (p.billable() ? " billable" : "");
            } else if (e instanceof JobEvent.InvoiceHandedOff i) {
                what = "invoice " + i.invoiceNumber() + " " + i.total() + " parts " + i.partSkus();
            }
            return e.header().job().value() + " v" + e.header().version() + " " + what + " at "
                    + CitySimulation.hhmm(e.header().occurredAt());
        }
        StatementCredit c = statements.get(evidence);
        if (c != null) {
            return "statement " + c.source() + " UTR " + c.reference() + " " + c.amount() + " from " + c.payer() + " at "
                    + CitySimulation.hhmm(c.at()) + (c.billRef() == null ? ", no tr" : ", tr " + c.billRef());
        }
        return evidence;
    }
}
